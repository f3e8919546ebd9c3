package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A MetaImage file that cannot be read or written: its message names the file and the problem.
 */
public class MetaImageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message starts with the file name. */
    public MetaImageException(Path file, String problem) {
        super(describe(file) + ": " + problem);
    }

    /** Creates an exception whose message starts with the file name, keeping the low-level cause. */
    public MetaImageException(Path file, String problem, Throwable cause) {
        super(describe(file) + ": " + problem, cause);
    }

    private static String describe(Path file) {
        return file == null ? "MetaImage" : "MetaImage " + file;
    }
}
