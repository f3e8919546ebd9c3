package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.EmulatorConfig;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.Visibility;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.emulator.storage.UrlSigner;
import java.time.Clock;

/** What the resource handlers share. */
public record ApiContext(EmulatorConfig config, EmulatorState state, Views views, Visibility visibility,
        BlobStore blobs, UrlSigner signer, Clock clock) {
}
