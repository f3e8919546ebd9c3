package io.github.camelgc.grandchallenge.state;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Service;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The file-based default stores, one instance per file for the whole component (two endpoints writing one file
 * through two instances would overwrite each other's changes), started on first use and stopped with the component.
 */
public final class StateStores {

    /** Entries the default "already emitted" repository keeps (in memory and in its file). */
    static final int EMITTED_CACHE_SIZE = 100_000;

    private final Map<Path, Service> stores = new LinkedHashMap<>();

    /** The state repository writing {@code file}. */
    @SuppressWarnings("unchecked")
    public synchronized StateRepository<String, String> state(Path file) {
        return (StateRepository<String, String>) stores.computeIfAbsent(key(file), f -> started(new FileStateStore(f)));
    }

    /** The idempotent repository writing {@code file}. */
    public synchronized IdempotentRepository idempotent(Path file) {
        return (IdempotentRepository) stores.computeIfAbsent(key(file), f -> started(
                FileIdempotentRepository.fileIdempotentRepository(f.toFile(), EMITTED_CACHE_SIZE, 64L * 1024 * 1024)));
    }

    /** Stops every store (component shutdown). */
    public synchronized void stopAll() {
        stores.values().forEach(ServiceHelper::stopService);
        stores.clear();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static Service started(Service service) {
        ServiceHelper.startService(service);
        return service;
    }
}
