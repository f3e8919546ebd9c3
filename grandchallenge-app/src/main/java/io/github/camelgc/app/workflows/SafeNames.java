package io.github.camelgc.app.workflows;

import java.util.Locale;

/** Turns names that come from the server into safe single file-name segments. */
public final class SafeNames {

    private SafeNames() {
    }

    /** Keeps letters, digits, dot, dash and underscore; no leading dots, never empty, at most 120 characters. */
    public static String segment(String name, String fallback) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (cleaned.length() > 120) {
            cleaned = cleaned.substring(0, 120);
        }
        return cleaned.isEmpty() ? fallback : cleaned;
    }

    /** The name without its image extension ({@code .mha}, {@code .mhd}, {@code .nii.gz}, {@code .tif}, ...). */
    public static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".nii.gz", ".mha", ".mhd", ".tiff", ".tif", ".nii", ".zraw", ".raw"}) {
            if (lower.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
