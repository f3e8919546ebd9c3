package io.github.camelgc.app.dropfolder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

import io.github.camelgc.grandchallenge.Retryable;

/**
 * The service could not move or write one of its own files (disk full, permissions, a share gone, a file where a
 * folder must be): retryable, since nothing about the input is wrong; the input keeps its place and is tried again.
 * Messages say what could not be done and why, without absolute paths (the operator knows the work folder).
 */
public class DiskProblem extends RuntimeException implements Retryable {

    private static final long serialVersionUID = 1L;

    public DiskProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what} ("cannot move x to .done/") and why, worded from the I/O failure. */
    public static DiskProblem of(String what, IOException cause) {
        return new DiskProblem(what + ": " + describe(cause), cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    /**
     * Why a file operation failed, in words and without the paths the JDK puts into these exceptions' messages
     * (they name absolute paths of the work folder, or of whatever a link pointed to).
     */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist (any more)";
        }
        if (e instanceof NotDirectoryException) {
            return "a file stands where a folder must be";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // the operating system's own words, e.g. "No space left on device", "Read-only file system"
            return fs.getReason().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        }
        return "an I/O error (" + e.getClass().getSimpleName() + ")";
    }
}
