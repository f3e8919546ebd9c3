package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves the {@code ElementDataFile} of a {@code .mhd} header. The name comes from a file we did not write,
 * so it is confined to the header's folder: no absolute paths, no {@code ..}, no links out.
 */
final class DataFiles {

    private static final Pattern DRIVE_OR_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private DataFiles() {
    }

    static Path resolve(Path headerFile, String name) throws MetaImageException {
        if (name.equals("LIST") || name.contains("%")) {
            throw new MetaImageException(headerFile, "ElementDataFile = " + name
                    + " (one file per slice) is not supported; expected LOCAL or a single data file name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE_OR_SCHEME.matcher(name).matches()
                || name.indexOf('\0') >= 0) {
            throw new MetaImageException(headerFile, "ElementDataFile '" + name
                    + "' is an absolute path; expected a file name in the header's folder");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new MetaImageException(headerFile, "ElementDataFile '" + name
                        + "' leaves the header's folder (..); expected a file name in the header's folder");
            }
        }
        Path folder = headerFile.toAbsolutePath().normalize().getParent();
        Path data = folder.resolve(name).normalize();
        if (!data.startsWith(folder) || data.equals(folder)) {
            throw new MetaImageException(headerFile, "ElementDataFile '" + name
                    + "' leaves the header's folder; expected a file name in the header's folder");
        }
        if (Files.exists(data)) {
            try {
                if (!data.toRealPath().startsWith(folder.toRealPath())) {
                    throw new MetaImageException(headerFile, "ElementDataFile '" + name
                            + "' is a link that leaves the header's folder; expected a file in the header's folder");
                }
            } catch (MetaImageException e) {
                throw e;
            } catch (IOException e) {
                throw new MetaImageException(headerFile, "cannot resolve ElementDataFile '" + name + "'", e);
            }
        }
        return data;
    }

    /** The data file name the writer uses next to {@code headerFile}: same base name, .zraw or .raw. */
    static String dataFileNameFor(Path headerFile, boolean compressed) {
        String name = headerFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + (compressed ? ".zraw" : ".raw");
    }
}
