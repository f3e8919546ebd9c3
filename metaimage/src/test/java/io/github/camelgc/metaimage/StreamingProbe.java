package io.github.camelgc.metaimage;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Run in a JVM with a small heap by {@link StreamingIT}: writes a MET_SHORT volume slice by slice,
 * reads it back slice by slice and checks every voxel. Exit code 0 means every voxel matched.
 *
 * <p>Arguments: {@code FILE X Y Z}.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    /** The value the probe writes at (x, y, z): varied, so misplaced bytes show up. */
    static short valueAt(int x, int y, int z) {
        return (short) ((x * 7 + y * 13 + z * 31) % 65521 - 32000);
    }

    public static void main(String[] args) throws IOException {
        Path file = Paths.get(args[0]);
        int nx = Integer.parseInt(args[1]);
        int ny = Integer.parseInt(args[2]);
        int nz = Integer.parseInt(args[3]);
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, nx, ny, nz).spacing(0.5, 0.5, 1.25)
                .compressed(file.toString().endsWith(".mha")).build();
        try (PixelSink sink = MetaImageWriter.openPixels(file, header)) {
            MetaImage slice = MetaImage.create(PixelStream.sliceHeader(header, 0));
            for (int z = 0; z < nz; z++) {
                long i = 0;
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        slice.setLong(i++, valueAt(x, y, z));
                    }
                }
                sink.writeSlice(slice);
            }
        }
        long checked = 0;
        try (PixelStream pixels = MetaImageReader.openPixels(file)) {
            while (pixels.hasNextSlice()) {
                int z = pixels.nextSliceIndex();
                MetaImage slice = pixels.readSlice();
                if (slice.header().offset()[2] != z * 1.25) {
                    fail("slice " + z + " has offset " + slice.header().offset()[2]);
                }
                long i = 0;
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        if (slice.getLong(i++) != valueAt(x, y, z)) {
                            fail("voxel " + x + "," + y + "," + z + " differs");
                        }
                    }
                }
                checked += i;
            }
        }
        if (checked != (long) nx * ny * nz) {
            fail("checked " + checked + " voxels");
        }
        System.out.println("checked " + checked + " voxels, max heap " + Runtime.getRuntime().maxMemory());
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
