package io.github.camelgc.grandchallenge.client;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the transport's HttpClients from its settings: a pool of {@link TokenSafeConnections}, TLS from
 * {@code sslContextParameters}, timeouts, the {@link TokenGuard}, no redirects, no cookies, and either the
 * {@link RequestRetryStrategy} with {@link ResponseBuffering} (API calls) or no retries at all (health probes). The
 * user's {@link HttpClientConfigurer} is applied last.
 */
final class HttpClientFactory {

    private final ClientSettings settings;
    private final SSLContext sslContext;

    HttpClientFactory(ClientSettings settings, SSLContext sslContext) {
        this.settings = settings;
        this.sslContext = sslContext;
    }

    /** The client for API calls, uploads and downloads: retries by {@link RequestRetryStrategy}. */
    CloseableHttpClient retrying(int maxConnections) {
        HttpClientBuilder builder = base(maxConnections, settings.connectTimeout(), settings.responseTimeout())
                .setRetryStrategy(new RequestRetryStrategy(settings.retry(), settings.metrics()))
                // inside the retry element, so a body that breaks off is an attempt the strategy decides on
                .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), ResponseBuffering.NAME, new ResponseBuffering());
        configure(builder);
        return builder.build();
    }

    /** The client of health probes: one attempt, short timeouts, its own small pool (never queued behind uploads). */
    CloseableHttpClient probing(Duration timeout) {
        HttpClientBuilder builder = base(2, timeout, timeout);
        configure(builder);
        // after the configurer: a probe answers once, whatever retry strategy a configurer installed
        return builder.disableAutomaticRetries().build();
    }

    private HttpClientBuilder base(int maxConnections, Duration connectTimeout, Duration responseTimeout) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(TokenSafeConnections.INSTANCE)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                // a TLS handshake is part of connecting: without this it waits for the socket timeout
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(connectTimeout)).build());
        if (sslContext != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .addRequestInterceptorLast(new TokenGuard(settings.baseUri()))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        }
        return builder;
    }

    private void configure(HttpClientBuilder builder) {
        if (settings.httpClientConfigurer() != null) {
            settings.httpClientConfigurer().configureHttpClient(builder);
        }
    }
}
