package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writes and reads back volumes far larger than the heap of the JVM doing it, proving that the
 * codec streams slice by slice instead of holding images in memory.
 */
class StreamingIT {

    private static final String HEAP = "-Xmx48m";

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @CsvSource({
        // 1 GiB of raw pixels in a .mhd/.raw pair
        "big.mhd, 1024, 1024, 512",
        // 256 MiB of pixels, zlib-compressed inline
        "big.mha, 512, 512, 512"})
    void volumeLargerThanTheHeapIsWrittenAndReadBack(String name, int nx, int ny, int nz, @TempDir Path dir)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Path log = dir.resolve("probe.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
                StreamingProbe.class.getName(), file.toString(), "" + nx, "" + ny, "" + nz))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean finished = probe.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            probe.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("probe finished in time").isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        long voxels = (long) nx * ny * nz;
        assertThat(output).contains("checked " + voxels + " voxels");
        long maxHeap = Long.parseLong(output.replaceAll("(?s).*max heap (\\d+).*", "$1"));
        assertThat(voxels * 2).as("pixel bytes exceed the probe's heap").isGreaterThan(4 * maxHeap);
        MetaImageHeader header = MetaImageReader.readHeader(file);
        assertThat(header.dataSizeBytes()).isEqualTo(voxels * 2);
        if (name.endsWith(".mhd")) {
            assertThat(Files.size(dir.resolve("big.raw"))).isEqualTo(voxels * 2);
        }
    }
}
