package io.github.camelgc.grandchallenge.model;

import java.net.URI;

/** Reading ids out of the platform's API URLs. */
public final class ApiUrls {

    private ApiUrls() {
    }

    /**
     * The last path segment of an API URL or the value itself for a bare id: {@code .../cases/images/<uuid>/} and
     * {@code <uuid>} both give {@code <uuid>}; a query string is ignored.
     */
    public static String lastSegment(String urlOrId) {
        String path = urlOrId.contains("://") ? URI.create(urlOrId).getPath() : urlOrId;
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
