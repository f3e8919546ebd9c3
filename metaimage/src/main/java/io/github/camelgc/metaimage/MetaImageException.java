package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A MetaImage file that cannot be read or written as asked: the message names the file, the problem
 * and what was expected.
 */
public class MetaImageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public MetaImageException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public MetaImageException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about (the header, or the data file it points to). */
    public Path file() {
        return file;
    }
}
