package io.github.camelgc.grandchallenge.outputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * One downloadable piece of a job output or image: a file of an image, a socket-value file, or a JSON value.
 *
 * @param socket    socket slug ({@code null} for a plain image download)
 * @param kind      socket kind label
 * @param superKind socket super kind label
 * @param imageId   image pk for image files, else {@code null}
 * @param fileName  sanitised file name
 * @param content   opens the content; media downloads open a connection only when first read
 */
public record OutputItem(String socket, String kind, String superKind, String imageId, String fileName,
                         Supplier<InputStream> content) {

    /** A JSON value held inline (values are small by platform rule). */
    public static Supplier<InputStream> inline(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }

    /** A stream that connects on first read, so unread outputs cost nothing and hold no connection. */
    public static InputStream lazy(Supplier<InputStream> opener) {
        return new InputStream() {
            private InputStream delegate;

            private InputStream delegate() {
                if (delegate == null) {
                    delegate = opener.get();
                }
                return delegate;
            }

            @Override
            public int read() throws IOException {
                return delegate().read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return delegate().read(buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                if (delegate != null) {
                    delegate.close();
                }
            }
        };
    }

    /** A Camel message for this item: a lazy stream body and descriptive headers. */
    public Message toMessage(CamelContext context, String jobId) {
        Message message = new DefaultMessage(context);
        message.setBody(lazy(content));
        message.setHeader(Exchange.FILE_NAME, fileName);
        if (socket != null) {
            message.setHeader(GrandChallengeConstants.SOCKET, socket);
            message.setHeader(GrandChallengeConstants.KIND, kind);
            message.setHeader(GrandChallengeConstants.SUPER_KIND, superKind);
        }
        if (imageId != null) {
            message.setHeader(GrandChallengeConstants.IMAGE_ID, imageId);
        }
        if (jobId != null) {
            message.setHeader(GrandChallengeConstants.JOB_ID, jobId);
        }
        return message;
    }
}
