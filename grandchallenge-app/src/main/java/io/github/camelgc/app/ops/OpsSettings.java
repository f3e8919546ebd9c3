package io.github.camelgc.app.ops;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import io.github.camelgc.app.AppSettings;

/**
 * Where the operations endpoint listens: {@code grandchallenge.http.port} (or {@code GRAND_CHALLENGE_HTTP_PORT}),
 * default {@value #DEFAULT_PORT}; {@code 0} takes a free port, {@code off} disables the endpoint; and
 * {@code grandchallenge.http.host} (or {@code GRAND_CHALLENGE_HTTP_HOST}), default {@code 127.0.0.1}: the endpoint has
 * no authentication, so it answers on loopback unless told otherwise (e.g. {@code 0.0.0.0} in a container).
 *
 * @param host the address to bind
 * @param port the port, empty when the endpoint is off
 */
public record OpsSettings(String host, OptionalInt port) {

    public static final String PORT_PROPERTY = "grandchallenge.http.port";
    public static final String PORT_ENV = "GRAND_CHALLENGE_HTTP_PORT";
    public static final String HOST_PROPERTY = "grandchallenge.http.host";
    public static final String HOST_ENV = "GRAND_CHALLENGE_HTTP_HOST";
    /** In the range of Prometheus exporters' ports, far from the usual web application ports. */
    public static final int DEFAULT_PORT = 9464;

    /** Resolves the settings like every other setting of the service (see {@link AppSettings}). */
    public static OpsSettings resolve(Map<String, String> environment) {
        String port = AppSettings.setting(PORT_PROPERTY, PORT_ENV, environment).orElse(null);
        String host = AppSettings.setting(HOST_PROPERTY, HOST_ENV, environment).orElse("127.0.0.1");
        return new OpsSettings(host, parsePort(port));
    }

    static OptionalInt parsePort(String value) {
        if (value == null) {
            return OptionalInt.of(DEFAULT_PORT);
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("false") || text.equals("none")) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_PROPERTY + " must be a port (0-65535, 0 for a free one) or 'off', "
                    + "not '" + value + "'", e);
        }
    }
}
