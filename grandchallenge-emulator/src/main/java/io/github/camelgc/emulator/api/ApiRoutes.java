package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.backend.Backend;
import io.github.camelgc.emulator.server.Router;

/** Every route of the emulated API, {@code /media/} and the S3 stand-in under {@code /storage/}. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static Router create(Backend backend) {
        ApiContext ctx = new ApiContext(backend);
        Router router = new Router();
        GcapiApi.register(router);
        new InterfacesApi(ctx).register(router);
        new AlgorithmsApi(ctx).register(router);
        new UploadsApi(ctx).register(router);
        new StorageApi(ctx).register(router);
        new ImagesApi(ctx).register(router);
        new MediaApi(ctx).register(router);
        new JobsApi(ctx).register(router);
        new ArchivesApi(ctx).register(router);
        new UploadSessionsApi(ctx).register(router);
        return router;
    }
}
