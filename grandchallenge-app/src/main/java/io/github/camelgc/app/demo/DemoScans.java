package io.github.camelgc.app.demo;

import java.io.IOException;
import java.nio.file.Path;

import io.github.camelgc.grandchallenge.outputs.AtomicFiles;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.phantom.ChestPhantom;

/** Synthetic chest CT scans for the demo: the metaimage phantom, small enough to run in seconds. */
public final class DemoScans {

    private DemoScans() {
    }

    /** The demo's phantom for a seed (96×96×64 voxels; each seed gives a slightly different patient). */
    public static ChestPhantom phantom(long seed) {
        return ChestPhantom.builder().size(96, 96, 64).spacing(3.5, 3.5, 5.0).seed(seed).build();
    }

    /**
     * Writes the phantom's CT as {@code <folder>/<name>.mha}: under a hidden name first, then renamed, so a drop
     * folder never sees it half-written.
     */
    public static Path dropInto(Path folder, String name, long seed) throws IOException {
        return AtomicFiles.produce(folder.resolve(name + ".mha"), temp -> MetaImageWriter.write(temp, phantom(seed).ct()));
    }
}
