package io.github.camelgc.metaimage.analysis;

import java.io.IOException;
import java.nio.file.Path;

/** A TIFF file that cannot be read: the message names the file and the problem. */
public class TiffException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message starts with the file name. */
    public TiffException(Path file, String problem) {
        super("TIFF " + file + ": " + problem);
    }
}
