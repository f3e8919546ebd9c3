package io.github.camelgc.emulator.api;

import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gcapi/} (client version check, open to everyone), {@code profiles/users/self/} and the API root. */
public final class GcapiApi {

    private GcapiApi() {
    }

    public static void register(Router router) {
        router.get("/api/v1/gcapi/", call -> Reply.ok(Map.of("latest_version", "0.13.2",
                "lowest_supported_version", "0.13.0")));
        router.get("/api/v1/profiles/users/self/", call -> {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("user", Map.of("username", call.requireUser().username()));
            profile.put("mugshot", null);
            profile.put("institution", "");
            profile.put("department", "");
            profile.put("location", "");
            profile.put("website", "");
            return Reply.ok(profile);
        });
        // The router root is for administrators only: not a health check.
        router.get("/api/v1/", call -> {
            call.requireUser();
            throw ApiError.forbidden();
        });
    }
}
