package io.github.camelgc.emulator.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty wiring: an HTTPS connector with the generated certificate and an optional plain HTTP one. */
public final class JettyServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector https;
    private final ServerConnector http;

    /**
     * @param host interface to bind, e.g. {@code 127.0.0.1}
     * @param httpsPort 0 for a free port
     * @param httpPort 0 for a free port, negative for no plain HTTP connector
     */
    public JettyServer(String host, int httpsPort, int httpPort, TlsMaterial tls, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("gc-emulator-http");
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        HttpConfiguration httpsConfig = new HttpConfiguration(config);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        httpsConfig.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(TlsMaterial.KEY_PASSWORD));
        https = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(httpsConfig));
        https.setHost(host);
        https.setPort(httpsPort);
        server.addConnector(https);
        if (httpPort >= 0) {
            http = new ServerConnector(server, new HttpConnectionFactory(config));
            http.setHost(host);
            http.setPort(httpPort);
            server.addConnector(http);
        } else {
            http = null;
        }
        server.setHandler(handler);
    }

    public void start() throws Exception {
        server.start();
    }

    /** Stops serving: connections are closed and new ones refused until {@link #resume()}. */
    public synchronized void pause() throws Exception {
        if (!server.isStarted()) {
            return;
        }
        // keep the ports: a resumed server answers where clients expect it
        https.setPort(https.getLocalPort());
        if (http != null) {
            http.setPort(http.getLocalPort());
        }
        server.stop();
    }

    /** Serves again on the same ports after {@link #pause()}. */
    public synchronized void resume() throws Exception {
        if (!server.isStarted()) {
            server.start();
        }
    }

    public boolean isServing() {
        return server.isStarted();
    }

    public int httpsPort() {
        int port = https.getLocalPort();
        return port > 0 ? port : https.getPort();
    }

    /** The plain HTTP port, or -1 when there is none. */
    public int httpPort() {
        if (http == null) {
            return -1;
        }
        int port = http.getLocalPort();
        return port > 0 ? port : http.getPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
