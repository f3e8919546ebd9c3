package io.github.camelgc.emulator.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs storage URLs like S3 presigned URLs: the signature in the query string is the only credential,
 * so storage requests need no token. The key is random per emulator run.
 */
public final class UrlSigner {

    private final byte[] key = new byte[32];
    private final Clock clock;

    public UrlSigner(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    /** The query string ({@code X-Amz-Expires=…&X-Amz-Signature=…}) authorising {@code resource} for {@code validity}. */
    public String sign(String resource, Duration validity) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        return "X-Amz-Expires=" + expires + "&X-Amz-Signature=" + signature(resource, expires);
    }

    /** What a signature and expiry from a query string say about a request for {@code resource} now. */
    public enum Check { VALID, EXPIRED, INVALID }

    /** Whether a signature and expiry from a query string authorise {@code resource} now. */
    public boolean verify(String resource, String expires, String signature) {
        return check(resource, expires, signature) == Check.VALID;
    }

    /** Checks the signature first, then the expiry (an expired URL with a good signature is {@code EXPIRED}). */
    public Check check(String resource, String expires, String signature) {
        if (expires == null || signature == null) {
            return Check.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(signature(resource, expiry).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return expiry >= clock.instant().getEpochSecond() ? Check.VALID : Check.EXPIRED;
    }

    private String signature(String resource, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((resource + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
