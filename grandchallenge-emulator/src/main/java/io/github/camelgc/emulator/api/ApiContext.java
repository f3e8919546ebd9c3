package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.backend.Backend;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;

/** What the resource handlers share: the backend that owns the behaviour, and the JSON shapes. */
public final class ApiContext {

    private final Backend backend;
    private final Views views;

    public ApiContext(Backend backend) {
        this.backend = backend;
        this.views = new Views(backend.state());
    }

    public Backend backend() {
        return backend;
    }

    public EmulatorState state() {
        return backend.state();
    }

    public Visibility visibility() {
        return backend.visibility();
    }

    public Views views() {
        return views;
    }
}
