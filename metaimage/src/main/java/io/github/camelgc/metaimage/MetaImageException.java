package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A MetaImage file that cannot be read or written: its message names the file and the problem, and
 * {@link #problem()} says what kind of problem it is, so a caller can word it for its users without
 * parsing the message. Messages never quote the file's content (its header lines or values as written):
 * a file handed over as an image may be anything, and what it holds is not ours to repeat.
 */
public class MetaImageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem a file has. */
    public enum Problem {
        /** Not a MetaImage header at all: not text, no {@code Key = Value} lines, no {@code ElementDataFile}. */
        NOT_METAIMAGE,
        /** A MetaImage header with a missing, malformed or out-of-range value, or values that do not fit together. */
        INVALID_HEADER,
        /** A valid header describing something this codec does not read (ASCII data, other object types). */
        UNSUPPORTED,
        /** The data file named by {@code ElementDataFile} cannot be used (missing, outside the header's folder). */
        DATA_FILE,
        /** Less pixel data than the header describes: the file ends early. */
        TRUNCATED,
        /** The compressed pixel data is not a valid zlib stream. */
        CORRUPT,
        /** More pixel data than the header describes: header and data do not match. */
        MISMATCH,
        /** The file cannot be opened as an image (it does not exist, is a folder, has an unknown extension). */
        NOT_A_FILE,
        /** The caller used a reader or writer wrongly (read past the end, wrote more than declared). */
        USAGE
    }

    private final Problem problem;

    /** Creates an exception whose message starts with the file name. */
    public MetaImageException(Path file, Problem problem, String description) {
        super(describe(file) + ": " + description);
        this.problem = problem;
    }

    /** Creates an exception whose message starts with the file name, keeping the low-level cause. */
    public MetaImageException(Path file, Problem problem, String description, Throwable cause) {
        super(describe(file) + ": " + description, cause);
        this.problem = problem;
    }

    /** What kind of problem the file has. */
    public Problem problem() {
        return problem;
    }

    private static String describe(Path file) {
        return file == null ? "MetaImage" : "MetaImage " + file;
    }
}
