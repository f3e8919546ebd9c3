package io.github.camelgc.app.workflows;

import java.io.IOException;
import java.nio.file.Path;

import io.github.camelgc.app.dropfolder.RetryBackoff;
import io.github.camelgc.grandchallenge.outputs.AtomicFiles;
import io.github.camelgc.grandchallenge.outputs.FileNames;

import io.github.camelgc.metaimage.ops.Masks;
import org.apache.camel.Exchange;

/**
 * Workflow 2: turns a lobe segmentation ({@code <name>_lobes.mha}, labels 0–5) into a lung mask
 * ({@code <name>_lungs.mha}, MET_UCHAR, 1 where any lobe is) with the same geometry, next to it.
 * <p>
 * {@link Masks#binarize(Path, Path)} works slice by slice, so memory stays flat for any image size; the mask is
 * written under a hidden name and then renamed, so it never appears half-written.
 */
public class LungMasks {

    private final RetryBackoff backoff;

    /** @param backoff forgets a result's earlier failures once its mask is written */
    public LungMasks(RetryBackoff backoff) {
        this.backoff = backoff;
    }

    /** Writes the mask for the file the exchange was read from; the body becomes the mask's file name. */
    public void write(Exchange exchange) throws IOException {
        Path lobes = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        exchange.getMessage().setBody(write(lobes).getFileName().toString());
        backoff.succeeded(lobes);
    }

    /** Writes {@code <name>_lungs.mha} next to {@code <name>_lobes.mha} and returns its path. */
    public Path write(Path lobes) throws IOException {
        String name = lobes.getFileName().toString();
        String stem = name.endsWith("_lobes.mha") ? name.substring(0, name.length() - "_lobes.mha".length())
                : FileNames.stem(name);
        return AtomicFiles.produce(lobes.resolveSibling(stem + "_lungs.mha"), temp -> Masks.binarize(lobes, temp));
    }
}
