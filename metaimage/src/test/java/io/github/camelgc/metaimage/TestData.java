package io.github.camelgc.metaimage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared Grand Challenge test images, which live beside the repository, not inside it. */
public final class TestData {

    private static final Path RELATIVE = Paths.get("shared", "testdata", "grand-challenge");

    private TestData() {
    }

    /** The folder {@code shared/testdata/grand-challenge} found by walking up from the working directory. */
    public static Path grandChallengeFolder() {
        Path start = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("test data folder " + RELATIVE + " not found in " + start
                + " or any parent; it is expected beside the repository (../shared/testdata/grand-challenge)");
    }

    /** One file of the shared test data. */
    public static Path file(String name) {
        Path file = grandChallengeFolder().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data file " + name + " missing in " + grandChallengeFolder());
        }
        return file;
    }
}
