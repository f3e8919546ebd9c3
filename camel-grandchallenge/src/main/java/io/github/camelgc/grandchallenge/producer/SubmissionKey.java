package io.github.camelgc.grandchallenge.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.inputs.LocalFiles;
import io.github.camelgc.grandchallenge.inputs.TempFiles;
import org.apache.camel.Exchange;

/**
 * Identifies one submission across attempts, so a job an earlier attempt created is adopted instead of posted again.
 * <p>
 * The route may set {@link GrandChallengeConstants#SUBMISSION_KEY}. Otherwise the key is made from the inputs: a
 * caller's file by its name, size and modification time (a file changed or copied again is a new submission, the
 * same file seen again after a crash is not), a spooled stream or byte array by a digest of its content when it is
 * small, a value by its JSON. Every key is scoped by platform and algorithm and hashed, so keys have a fixed length
 * and do not reveal file names in a shared store.
 */
final class SubmissionKey {

    /** Spooled bodies up to this size are identified by their content; larger ones are not worth hashing. */
    static final long MAX_DIGESTED_BYTES = 64L * 1024 * 1024;

    private SubmissionKey() {
    }

    /** The key of this submission, or empty when the inputs cannot be recognised again (a large stream). */
    static Optional<String> of(Exchange exchange, String baseUrl, String algorithm, Map<String, Object> values,
            TempFiles temp) {
        String given = exchange.getMessage().getHeader(GrandChallengeConstants.SUBMISSION_KEY, String.class);
        StringBuilder identity = new StringBuilder(baseUrl).append('\n').append(algorithm).append('\n');
        if (given != null && !given.isBlank()) {
            return Optional.of(hash(identity.append("key:").append(given)));
        }
        for (Map.Entry<String, Object> input : new TreeMap<>(values).entrySet()) {
            Optional<String> part = describe(input.getValue(), temp);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            identity.append(input.getKey()).append('=').append(part.get()).append('\n');
        }
        return Optional.of(hash(identity));
    }

    private static Optional<String> describe(Object value, TempFiles temp) {
        if (value instanceof Collection<?> files && LocalFiles.isFileValue(value)) {
            StringBuilder all = new StringBuilder();
            for (Object file : files) {
                Optional<String> one = describe(file, temp);
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                all.append(one.get()).append(';');
            }
            return Optional.of(all.toString());
        }
        Optional<Path> path = LocalFiles.asPath(value);
        if (path.isEmpty()) {
            return Optional.of("value:" + value);
        }
        try {
            Path file = path.get();
            long size = Files.size(file);
            if (!temp.holds(file)) {
                return Optional.of("file:" + file.getFileName() + "|" + size + "|" + Files.getLastModifiedTime(file)
                        .toMillis());
            }
            return size <= MAX_DIGESTED_BYTES ? Optional.of("content:" + file.getFileName() + "|" + digest(file))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String hash(CharSequence identity) {
        return HexFormat.of().formatHex(sha256().digest(identity.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
