package io.github.camelgc.grandchallenge.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Set;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.UnsupportedSchemeException;

/**
 * What is worth retrying: the one table every retry decision of the component is made from.
 * <p>
 * Where retries happen, and who asks this table:
 * <ul>
 * <li><b>One request</b> (milliseconds to seconds): {@link RequestRetryStrategy}, HttpClient's retry strategy, repeats
 * a request the server did not act on, with backoff under {@code retryMaxDelay} and {@code retryDeadline}
 * ({@link #retriedByClient(int, boolean)}, {@link #classify(Throwable)}).</li>
 * <li><b>A whole operation, later</b> (a route's redelivery, the next poll, the drop folder keeping a file): every
 * component exception answers {@link GrandChallengeException#isRetryable()} from this table, so routes decide with
 * {@code onException(GrandChallengeException.class).onWhen(simple("${exception.retryable}"))}.</li>
 * <li>Two platform-specific cases outside HTTP: an expired presigned part URL (403) is presigned again once by the
 * multipart uploader, and "too many active jobs" is back-pressure for the job submitter.</li>
 * </ul>
 * <p>
 * Statuses: 408, 429, 502, 503, 504 and 507 are transient. 500 is transient for a later retry of the operation
 * ({@link #isTransientStatus(int)}: the platform's 500s are mostly passing database or deployment trouble, and a
 * bounded redelivery minutes later costs little) but is never repeated at once by the client
 * ({@link #retriedByClient(int, boolean)}: the server may have acted before failing, and hammering a failing handler
 * amplifies the fault). Every other 4xx is permanent: the request itself must change.
 * <p>
 * I/O failures: an unknown host and any TLS failure (untrusted certificate, handshake refused, hostname mismatch) are
 * permanent; repeating them only delays the error. A refused or timed-out connection gets a short bounded retry
 * ({@value #CONNECT_ATTEMPTS} attempts, at most {@link #CONNECT_MAX_DELAY_MILLIS} ms apart), since a restarting
 * server or a moving load balancer refuses for a moment; the request was never sent, so this is safe for every
 * method. Everything else (no response, reset, read timeout, a body cut short) is transient, and repeated at once
 * for idempotent requests only: the server may have acted on a POST.
 */
public final class RetryRules {

    /** Attempts in all when the connection cannot be established (refused, no route, connect timeout). */
    public static final int CONNECT_ATTEMPTS = 3;

    /** Cap of each delay between connection attempts, so giving up on a refused connection takes about 2 s. */
    public static final long CONNECT_MAX_DELAY_MILLIS = 1000;

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504, 507);
    private static final Set<Integer> RETRIED_BY_CLIENT = Set.of(408, 429, 502, 503, 504, 507);
    /** Answers given before the application acted: safe to repeat even a POST. */
    private static final Set<Integer> REFUSED_BEFORE_ACTING = Set.of(429, 503);

    /** How an I/O failure is treated. */
    public enum IoFailure {
        /** Repeating cannot help: unknown host, TLS, protocol violations, local file problems, interruption. */
        PERMANENT,
        /** No connection was established, so nothing was sent: a few quick attempts for any method. */
        CONNECT,
        /** The exchange broke off: no response, reset, read timeout, truncated body. Idempotent requests only. */
        TRANSIENT,
        /** Not an I/O failure at all. */
        NONE
    }

    private RetryRules() {
    }

    /** Whether an answer with this status may succeed later without changing the request (exception level). */
    public static boolean isTransientStatus(int status) {
        return TRANSIENT_STATUSES.contains(status);
    }

    /** Whether the HTTP client repeats a request at once after this status (request level). */
    public static boolean retriedByClient(int status, boolean idempotent) {
        return idempotent ? RETRIED_BY_CLIENT.contains(status) : REFUSED_BEFORE_ACTING.contains(status);
    }

    /** Whether an I/O failure (anywhere in the cause chain) is transient, i.e. worth trying again later. */
    public static boolean isTransient(Throwable failure) {
        IoFailure kind = classify(failure);
        return kind == IoFailure.CONNECT || kind == IoFailure.TRANSIENT;
    }

    /**
     * Classifies a failure by the most specific I/O cause in its chain; {@link IoFailure#NONE} when the chain holds
     * no I/O or TLS failure.
     */
    public static IoFailure classify(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            IoFailure specific = specific(t);
            if (specific != null) {
                return specific;
            }
            io |= t instanceof IOException;
        }
        return io ? IoFailure.TRANSIENT : IoFailure.NONE;
    }

    private static IoFailure specific(Throwable t) {
        if (t instanceof UnknownHostException || t instanceof SSLHandshakeException
            || t instanceof SSLPeerUnverifiedException || t instanceof CertificateException
            || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
            return IoFailure.PERMANENT;
        }
        if (t instanceof SSLException) {
            // a TLS session broken by the network (cause: reset, EOF) is transient; anything else is TLS itself
            return t.getCause() instanceof IOException && !(t.getCause() instanceof SSLException)
                    ? IoFailure.TRANSIENT : IoFailure.PERMANENT;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
            || t instanceof ConnectTimeoutException) {
            return IoFailure.CONNECT;
        }
        if (t instanceof SocketTimeoutException) {
            return IoFailure.TRANSIENT;
        }
        if (t instanceof InterruptedIOException || t instanceof JsonProcessingException
            || t instanceof ClientProtocolException || t instanceof UnsupportedSchemeException
            || t instanceof CharacterCodingException || t instanceof FileSystemException
            || t instanceof GeneralSecurityException || t instanceof ResponseBuffering.TooLargeException
            || t instanceof InterruptedException) {
            return IoFailure.PERMANENT;
        }
        return null;
    }
}
