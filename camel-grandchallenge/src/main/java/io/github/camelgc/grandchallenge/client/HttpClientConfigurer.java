package io.github.camelgc.grandchallenge.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Adjusts the HttpClient the component builds (like camel-http's configurer of the same name), e.g. to add an
 * interceptor for metrics or tracing. Applied last, after the component configured its pool, TLS, timeouts and retry
 * strategy, to every client it builds (also the one of the health check).
 * <p>
 * Replacing the connection manager gives up the component's token-safe connections (their header log masks the
 * token, and they never install HttpClient's wire log), and replacing the retry strategy gives up
 * {@link RequestRetryStrategy}; the token is still removed from any request to another origin.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configureHttpClient(HttpClientBuilder builder);
}
