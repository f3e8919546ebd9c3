package io.github.camelgc.grandchallenge.inputs;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.WrappedFile;

/**
 * Recognises local files among input values and completes MetaImage headers with their data files: an {@code .mhd}
 * travels with the {@code .raw}/{@code .zraw} its {@code ElementDataFile} names.
 */
public final class LocalFiles {

    /** MetaImage headers are small; stop looking for ElementDataFile after this many lines. */
    private static final int MAX_HEADER_LINES = 200;

    private LocalFiles() {
    }

    /** The file behind a value ({@link File}, {@link Path}, a Camel {@link WrappedFile}), if it is one. */
    public static Optional<Path> asPath(Object value) {
        if (value instanceof Path path) {
            return Optional.of(path);
        }
        if (value instanceof File file) {
            return Optional.of(file.toPath());
        }
        if (value instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            return Optional.of(file.toPath());
        }
        return Optional.empty();
    }

    /** Whether a value is a file or a non-empty collection of files. */
    public static boolean isFileValue(Object value) {
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty() && collection.stream().allMatch(v -> asPath(v).isPresent());
        }
        return asPath(value).isPresent();
    }

    /**
     * The files of one image: the given file(s), each checked to be a readable regular file, plus the data file of
     * every {@code .mhd} header that is not already listed.
     *
     * @throws GrandChallengeInputException naming the socket and the missing or unreadable file
     */
    public static List<Path> imageFiles(String socket, Object value) {
        List<Path> files = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> files.add(asPath(v).orElseThrow()));
        } else {
            files.add(asPath(value).orElseThrow());
        }
        List<Path> result = new ArrayList<>();
        for (Path file : files) {
            requireReadable(socket, file);
            result.add(file);
        }
        for (Path file : files) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mhd")) {
                Path data = mhdDataFile(socket, file);
                if (data != null && result.stream().noneMatch(p -> p.getFileName().equals(data.getFileName()))) {
                    requireReadable(socket, data);
                    result.add(data);
                }
            }
        }
        return result;
    }

    /** Checks that a file exists and is readable. */
    public static void requireReadable(String socket, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GrandChallengeInputException("Input '" + socket + "': file '" + file + "' does not exist or is "
                                                   + "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new GrandChallengeInputException("Input '" + socket + "': file '" + file + "' is not readable");
        }
    }

    /**
     * The data file named by a header's {@code ElementDataFile}, resolved next to the header. {@code LOCAL} (data in
     * the header) gives {@code null}; a name with a path component is refused.
     */
    static Path mhdDataFile(String socket, Path header) {
        try (BufferedReader reader = Files.newBufferedReader(header, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int n = 0; n < MAX_HEADER_LINES && (line = reader.readLine()) != null; n++) {
                int eq = line.indexOf('=');
                if (eq < 0 || !line.substring(0, eq).trim().equalsIgnoreCase("ElementDataFile")) {
                    continue;
                }
                String name = line.substring(eq + 1).trim();
                if (name.equalsIgnoreCase("LOCAL")) {
                    return null;
                }
                if (name.contains("/") || name.contains("\\") || name.equals("..") || name.contains(" ")) {
                    throw new GrandChallengeInputException("Input '" + socket + "': MetaImage header '"
                                                           + header.getFileName() + "' names ElementDataFile '" + name
                                                           + "'; only a single data file next to the header is supported");
                }
                return header.resolveSibling(name);
            }
        } catch (IOException e) {
            throw new GrandChallengeInputException("Input '" + socket + "': cannot read MetaImage header '"
                                                   + header.getFileName() + "': " + e.getMessage(), e);
        }
        throw new GrandChallengeInputException("Input '" + socket + "': MetaImage header '" + header.getFileName()
                                               + "' has no ElementDataFile line");
    }
}
