package io.github.camelgc.grandchallenge.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Reads the whole (JSON) answer of an API call inside HttpClient's retry loop, so that an answer whose body breaks
 * off mid-read is a failed attempt the {@link RequestRetryStrategy} decides on like any other.
 * <p>
 * Hand-written because HttpClient's retry element ends when the response head arrives: it hands the body to the
 * caller as a stream and cannot repeat a request whose body fails later. API answers are small (a page of 1000 jobs
 * is a few MB) and read whole anyway, so buffering them costs nothing; media downloads and part uploads stream and are
 * never buffered (a cut download is the caller's {@code IOException}, retried with the operation).
 */
final class ResponseBuffering implements ExecChainHandler {

    /** Its name in HttpClient's execution chain (between the retry and the protocol elements). */
    static final String NAME = "grandchallenge-response-buffering";

    /** The largest API answer read; a larger one is an error, not a reason to fill the heap. */
    static final int MAX_BYTES = 64 << 20;

    /** An answer larger than {@link #MAX_BYTES}: permanent, repeating it gives the same answer. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        Object call = scope.clientContext.getAttribute(CallContext.ATTRIBUTE);
        HttpEntity entity = response.getEntity();
        if (entity == null || !(call instanceof CallContext c && c.bufferResponse())) {
            return response;
        }
        try {
            byte[] body = readAll(entity);
            String contentType = entity.getContentType();
            response.setEntity(new ByteArrayEntity(body, contentType == null ? null : ContentType.parse(contentType),
                    entity.getContentEncoding()));
            return response;
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }

    private static byte[] readAll(HttpEntity entity) throws IOException {
        long announced = entity.getContentLength();
        if (announced > MAX_BYTES) {
            throw new TooLargeException("the answer announces " + announced + " bytes, more than " + MAX_BYTES);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(announced > 0 ? (int) announced : 8192);
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > MAX_BYTES) {
                    throw new TooLargeException("the answer is longer than " + MAX_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
