package io.github.camelgc.grandchallenge.inputs;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

/**
 * Reads the socket values from a message body. A {@link Map} maps socket slugs to values; any other body is the value
 * of one socket (chosen by the caller). Streams and byte arrays are spooled to disk (named by {@code CamelFileName})
 * because uploads need a size and repeatable reads.
 */
public final class BodyInputs {

    private BodyInputs() {
    }

    /**
     * @param singleSocket supplies the socket slug for a non-Map body
     * @param temp         where streamed bodies are spooled
     */
    public static Map<String, Object> read(Exchange exchange, Supplier<String> singleSocket, TempFiles temp) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new GrandChallengeInputException("The message body is empty; expected a file, a stream with "
                                                   + "CamelFileName, an image URL, a value, or a Map of socket slug to value");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), unwrap(value)));
            return values;
        }
        values.put(singleSocket.get(), single(exchange, body, temp));
        return values;
    }

    private static Object single(Exchange exchange, Object body, TempFiles temp) {
        if (body instanceof WrappedFile<?> wrapped && !(wrapped.getFile() instanceof File)) {
            // a remote file (ftp, s3 ...): read it as a stream
            return spool(exchange, exchange.getMessage().getBody(InputStream.class), temp);
        }
        if (body instanceof byte[] bytes) {
            return spool(exchange, new ByteArrayInputStream(bytes), temp);
        }
        if (body instanceof InputStream stream) {
            return spool(exchange, stream, temp);
        }
        return unwrap(body);
    }

    private static Object unwrap(Object value) {
        if (value instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            return file;
        }
        return value;
    }

    private static Object spool(Exchange exchange, InputStream content, TempFiles temp) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (name == null || name.isBlank()) {
            throw new GrandChallengeInputException("A stream or byte[] body needs the CamelFileName header (the file "
                                                   + "name, e.g. case_001.mha, tells the platform the format)");
        }
        try (InputStream in = content) {
            return temp.write(name, in);
        } catch (IOException e) {
            throw new GrandChallengeInputException("Cannot spool the body '" + name + "' to a temporary file: "
                                                   + e.getMessage(), e);
        }
    }
}
