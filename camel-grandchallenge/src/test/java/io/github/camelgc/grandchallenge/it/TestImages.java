package io.github.camelgc.grandchallenge.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates valid MetaImage files of a given size at test time (large test data is never committed). */
final class TestImages {

    private TestImages() {
    }

    /** Writes an uncompressed 8-bit .mha of roughly {@code bytes} voxels, streaming, with a gradient pattern. */
    static Path writeMha(Path target, long bytes) throws IOException {
        int x = 1024;
        int y = 1024;
        long z = Math.max(1, bytes / (x * (long) y));
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                        + "CompressedData = False\nElementSpacing = 1 1 1\nDimSize = " + x + " " + y + " " + z
                        + "\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
        byte[] slice = new byte[x * y];
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (long k = 0; k < z; k++) {
                for (int i = 0; i < slice.length; i++) {
                    slice[i] = (byte) (i + k);
                }
                out.write(slice);
            }
        }
        return target;
    }
}
