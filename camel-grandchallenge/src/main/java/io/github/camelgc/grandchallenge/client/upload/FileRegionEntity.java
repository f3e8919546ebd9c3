package io.github.camelgc.grandchallenge.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body that streams one region of a file straight from disk, so a part never sits in memory. Repeatable
 * (HttpClient's retries send the same entity again): every write reopens the file. No Content-Type, because presigned part URLs sign no extra headers.
 */
final class FileRegionEntity extends AbstractHttpEntity {

    /** Bytes per write: four full TLS records. */
    static final int WRITE_CHUNK = 64 * 1024;

    private final Path file;
    private final long offset;
    private final long length;

    FileRegionEntity(Path file, long offset, long length) {
        super((String) null, null, false);
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public InputStream getContent() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    /**
     * Streams the region in {@value #WRITE_CHUNK}-byte writes. The inherited loop writes 4 KiB at a time, and each
     * write that large bypasses the connection's buffer: one TLS record and one system call per 4 KiB.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] chunk = new byte[WRITE_CHUNK];
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(WRITE_CHUNK, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    // a local file problem, not a network one: permanent for the retry rules
                    throw new FileSystemException(String.valueOf(file.getFileName()), null, "ended at byte "
                                                  + position + "; expected " + end
                                                  + " bytes (was it changed during the upload?)");
                }
                out.write(chunk, 0, n);
                position += n;
            }
        }
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held open between getContent() calls
    }

    /** Reads at most {@code remaining} bytes; closing closes the file. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
