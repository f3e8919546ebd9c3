package io.github.camelgc.grandchallenge.client;

import java.net.URI;
import java.util.Locale;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last request interceptor of every client: a request that is about to leave for another origin than the API's
 * loses its {@code Authorization} header. The transport never adds the token for another origin and never follows
 * redirects; this covers what it cannot see, such as redirects or interceptors an {@link HttpClientConfigurer} adds.
 */
final class TokenGuard implements HttpRequestInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGuard.class);

    private final String apiOrigin;

    TokenGuard(URI baseUri) {
        this.apiOrigin = origin(baseUri.getScheme(), baseUri.getHost(), baseUri.getPort());
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        if (!request.containsHeader(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        URIAuthority authority = request.getAuthority();
        String target = origin(request.getScheme(), authority == null ? null : authority.getHostName(),
                authority == null ? -1 : authority.getPort());
        if (!apiOrigin.equals(target)) {
            request.removeHeaders(HttpHeaders.AUTHORIZATION);
            LOG.warn("Removed the API token from {} {}: only {} may receive it", request.getMethod(), target,
                    apiOrigin);
        }
    }

    /** {@code scheme://host:port} in lower case, with the default port made explicit. */
    static String origin(String scheme, String host, int port) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        int p = port >= 0 ? port : "https".equals(s) ? 443 : 80;
        return s + "://" + (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + p;
    }

    static String origin(URI uri) {
        return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    String apiOrigin() {
        return apiOrigin;
    }
}
