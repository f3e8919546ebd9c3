package io.github.camelgc.grandchallenge.client;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of the component's pools: HttpClient's own, except that they cannot log the API token.
 * <p>
 * HttpClient prints what a connection sends in two places, both inside the connection:
 * {@code org.apache.hc.client5.http.headers} logs every request header verbatim (so {@code Authorization: Bearer
 * <token>}), and {@code org.apache.hc.client5.http.wire} logs the bytes (the token again). A header cannot be added
 * after the connection logged it, and masking the wire log is unreliable (the header may be split across chunks).
 * So these connections log request headers with credentials masked ({@code Authorization: Bearer ****}) and never
 * install the wire logger, whatever the log levels are: the token cannot reach a log by construction. Response headers
 * are logged as HttpClient does. The subclass relies on {@code DefaultManagedHttpClientConnection}, which HttpClient
 * marks internal; the version is pinned and a test at TRACE guards the guarantee.
 */
final class TokenSafeConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final TokenSafeConnections INSTANCE = new TokenSafeConnections();

    private static final Logger HEADERS = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");
    private static final AtomicLong COUNTER = new AtomicLong();

    private TokenSafeConnections() {
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        Connection connection = new Connection("grandchallenge-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A header as logged: credentials keep their scheme (e.g. {@code Bearer}) and lose their value. */
    static String masked(Header header) {
        if (!CREDENTIALS.contains(header.getName().toLowerCase(Locale.ROOT))) {
            return header.toString();
        }
        String value = header.getValue() == null ? "" : header.getValue().trim();
        int space = value.indexOf(' ');
        return header.getName() + ": " + (space > 0 ? value.substring(0, space) + " ****" : "****");
    }

    private static final class Connection extends DefaultManagedHttpClientConnection {

        /** Configured as HttpClient's own connection factory configures its connections by default. */
        Connection(String id) {
            super(id, null, null, Http1Config.DEFAULT, DefaultContentLengthStrategy.INSTANCE,
                    DefaultContentLengthStrategy.INSTANCE, NoResponseOutOfOrderStrategy.INSTANCE,
                    new DefaultHttpRequestWriterFactory(Http1Config.DEFAULT),
                    new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
        }

        /** Binds without HttpClient's wire logger. */
        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        /** Binds a TLS socket without HttpClient's wire logger. */
        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADERS.isDebugEnabled()) {
                HEADERS.debug("{} >> {}", getId(), new RequestLine(request));
                for (Header header : request.getHeaders()) {
                    HEADERS.debug("{} >> {}", getId(), masked(header));
                }
            }
        }
    }
}
