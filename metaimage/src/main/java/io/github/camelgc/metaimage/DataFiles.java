package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.github.camelgc.metaimage.MetaImageException.Problem;

/**
 * Resolves {@code ElementDataFile} names safely: a header is untrusted input and must never make us
 * read or write a file outside the header's own folder.
 */
final class DataFiles {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private DataFiles() {
    }

    /**
     * The data file named by {@code name}, relative to the folder of {@code headerFile}.
     *
     * @throws MetaImageException if the name is absolute, climbs out with {@code ..}, names a list or
     *     pattern of files (unsupported), or resolves (also through symbolic links) outside the folder
     */
    static Path resolve(Path headerFile, String name) throws MetaImageException {
        if (name.isEmpty()) {
            throw new MetaImageException(headerFile, Problem.DATA_FILE, "ElementDataFile is empty; expected LOCAL or a file name");
        }
        if (name.equals("LIST") || name.contains("%")) {
            throw new MetaImageException(headerFile, Problem.UNSUPPORTED, "ElementDataFile names a list or pattern "
                    + "of slice files, which is not supported; expected LOCAL or one data file");
        }
        if (name.startsWith("/") || name.startsWith("\\") || WINDOWS_DRIVE.matcher(name).matches()) {
            throw new MetaImageException(headerFile, Problem.DATA_FILE, "ElementDataFile is an absolute path; "
                    + "expected a file name in the header's folder");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new MetaImageException(headerFile, Problem.DATA_FILE, "ElementDataFile leaves the header's "
                        + "folder via '..'; expected a file name in the header's folder");
            }
        }
        Path folder = folderOf(headerFile);
        Path resolved = folder.resolve(name).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new MetaImageException(headerFile, Problem.DATA_FILE, "ElementDataFile resolves outside the "
                    + "header's folder; expected a file name in the header's folder");
        }
        return resolved;
    }

    /** Checks, before reading, that the existing data file does not escape the folder through a link. */
    static void checkRealPathInside(Path headerFile, Path dataFile) throws IOException {
        if (!Files.exists(dataFile)) {
            throw new MetaImageException(headerFile, Problem.DATA_FILE, "the data file named by ElementDataFile "
                    + "does not exist in the header's folder");
        }
        Path realFolder = folderOf(headerFile).toRealPath();
        Path realData = dataFile.toRealPath();
        if (!realData.startsWith(realFolder)) {
            throw new MetaImageException(headerFile, Problem.DATA_FILE, "the data file named by ElementDataFile is "
                    + "a link to a file outside the header's folder; refusing to read it");
        }
    }

    private static Path folderOf(Path headerFile) {
        Path parent = headerFile.toAbsolutePath().normalize().getParent();
        return parent == null ? headerFile.toAbsolutePath().getRoot() : parent;
    }
}
