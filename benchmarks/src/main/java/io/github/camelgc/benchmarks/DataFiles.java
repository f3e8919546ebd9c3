package io.github.camelgc.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Test data generated at run time: random bytes (incompressible, like CT noise) and big MetaImages. */
final class DataFiles {

    private static final int BLOCK = 16 << 20;

    private DataFiles() {
    }

    /** A file of {@code size} random bytes (a 16 MiB random block, each copy with a different first long). */
    static Path random(Path file, long size) throws IOException {
        byte[] block = new byte[BLOCK];
        new SplittableRandom(size).nextBytes(block);
        ByteBuffer buffer = ByteBuffer.wrap(block);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long written = 0;
            long copy = 0;
            while (written < size) {
                buffer.clear();
                buffer.putLong(0, copy++);
                buffer.limit((int) Math.min(BLOCK, size - written));
                while (buffer.hasRemaining()) {
                    written += out.write(buffer);
                }
            }
        }
        return file;
    }

    /** A single-file {@code .mha} of {@code x*y*z} random MET_UCHAR voxels (a big Segmentation-like output). */
    static Path bigMha(Path file, int x, int y, int z) throws IOException {
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                + "CompressedData = False\nTransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = 0 0 0\n"
                + "CenterOfRotation = 0 0 0\nElementSpacing = 1 1 1\nDimSize = " + x + " " + y + " " + z + "\n"
                + "ElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
        Path data = random(file.resolveSibling(file.getFileName() + ".data"), (long) x * y * z);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); FileChannel in = FileChannel.open(data)) {
            out.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)));
            long position = 0;
            long size = in.size();
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
        } finally {
            Files.deleteIfExists(data);
        }
        return file;
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }

    /** Empties a folder, keeping it. */
    static void clear(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            children.forEach(DataFiles::deleteRecursively);
        } catch (IOException e) {
            // best effort
        }
    }
}
