package io.github.camelgc.grandchallenge.outputs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes names from the server or from messages safe as single path segments: no separators, no {@code ..}, no
 * leading dot, no control or punctuation characters, bounded length (128 characters, 160 UTF-8 bytes). Letters and
 * digits of every script are kept.
 */
public final class FileNames {

    /** Letters and digits of any script are kept (a scan named in Japanese keeps its name); all else is replaced. */
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{M}\\p{N}._-]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final int MAX_LENGTH = 128;
    /** File systems limit a name to 255 bytes; this leaves room for suffixes and temporary-name decorations. */
    private static final int MAX_BYTES = 160;

    private FileNames() {
    }

    /** A safe single path segment for {@code name}; never empty. */
    public static String sanitize(String name) {
        if (name == null) {
            return "unnamed";
        }
        String base = name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        String safe = UNSAFE.matcher(base).replaceAll("_");
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(safe.length() - MAX_LENGTH);
        }
        while (safe.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            safe = safe.substring(safe.offsetByCodePoints(0, 1));
        }
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '_') ? "unnamed" : safe;
    }

    /**
     * {@code name + suffix}, with {@code name} shortened (and marked with {@code ~}) where the whole would exceed the
     * 255 bytes a file system allows in one name; for names that are already safe, e.g. a dropped file's own name.
     */
    public static String withSuffix(String name, String suffix) {
        if ((name + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255) {
            return name + suffix;
        }
        String shortened = name;
        while ((shortened + "~" + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened + "~" + suffix;
    }

    /**
     * {@code text} with control and format characters (line breaks, terminal escapes, right-to-left overrides) shown
     * as {@code ?}: for names from files or servers in text a person reads, so they cannot forge or hide lines.
     */
    public static String printable(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("?");
    }

    /** The extension including its dot ({@code .mha}, {@code .nii.gz}), or empty. */
    public static String extension(String name) {
        String safe = sanitize(name);
        String lower = safe.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nii.gz") || lower.endsWith(".tar.gz")) {
            return safe.substring(safe.length() - 7);
        }
        int dot = safe.lastIndexOf('.');
        return dot > 0 ? safe.substring(dot) : "";
    }

    /** The name without its extension. */
    public static String stem(String name) {
        String safe = sanitize(name);
        return safe.substring(0, safe.length() - extension(safe).length());
    }
}
