package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the shared Grand Challenge test files, which live next to (not inside) the repository. */
public final class TestData {

    private static final Path RELATIVE = Path.of("shared", "testdata", "grand-challenge");

    private TestData() {
    }

    /**
     * {@code shared/testdata/grand-challenge} found by walking up from the module directory
     * ({@code basedir}, else {@code user.dir}); fails with a clear message when absent.
     */
    public static Path grandChallengeDir() {
        String start = System.getProperty("basedir", System.getProperty("user.dir"));
        for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("test data folder " + RELATIVE + " not found in " + start
                + " or any parent; it is expected at ../shared/testdata/grand-challenge from the repository root");
    }

    public static Path file(String name) {
        return grandChallengeDir().resolve(name);
    }

    /** Every .mha and .mhd file of the shared test data. */
    public static List<Path> metaImageFiles() throws IOException {
        try (Stream<Path> files = Files.list(grandChallengeDir())) {
            return files.filter(p -> p.toString().endsWith(".mha") || p.toString().endsWith(".mhd"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
