package io.github.camelgc.emulator.jobs;

import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.analysis.CentroidRegistration;
import io.github.camelgc.metaimage.analysis.ImageSummary;
import io.github.camelgc.metaimage.analysis.LobeSegmentation;
import io.github.camelgc.metaimage.analysis.OverlayScreenshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The tutorial's image algorithms, computed with the metaimage module's analysis code. */
final class ImageAlgorithms {

    private ImageAlgorithms() {
    }

    /** {@code input socket → pulmonary-lobes} (and optionally the overlay screenshot as a TIFF). */
    static BuiltInAlgorithm lobes(String inputSocket, boolean withScreenshot) {
        return run -> {
            MetaImage ct = MetaImageReader.read(run.inputImageFile(inputSocket));
            MetaImage labels = LobeSegmentation.segment(ct);
            writeImage(run, "pulmonary-lobes", labels);
            if (withScreenshot) {
                Path tiff = run.newFile(".tif");
                OverlayScreenshot.RgbImage screenshot = OverlayScreenshot.render(ct, labels);
                screenshot.writeTiff(tiff);
                run.outputTiff("pulmonary-lobes-screenshot", tiff, "pulmonary-lobes-screenshot.tif",
                        screenshot.width(), screenshot.height(), 3);
            }
        };
    }

    /** The four-input registration: align mask centroids, output the field and the resampled image. */
    static BuiltInAlgorithm registration() {
        return run -> {
            CentroidRegistration.Result result;
            try {
                result = CentroidRegistration.register(read(run, "fixed-image"), read(run, "moving-image"),
                        read(run, "fixed-mask"), read(run, "moving-mask"));
            } catch (IllegalArgumentException e) {
                throw new AlgorithmFailure("registration failed: " + e.getMessage());
            }
            writeImage(run, "displacement-field", result.displacementField());
            writeImage(run, "registered-moving-image", result.registered());
        };
    }

    private static MetaImage read(AlgorithmRun run, String slug) throws IOException, AlgorithmFailure {
        return MetaImageReader.read(run.inputImageFile(slug));
    }

    private static void writeImage(AlgorithmRun run, String slug, MetaImage image) throws IOException {
        Path file = run.newFile(".mha");
        MetaImageWriter.write(file, image);
        List<Long> segments = ImageSummary.of(image).segments();
        run.outputImage(slug, file, slug + ".mha", segments == null ? null
                : segments.stream().map(Long::intValue).toList());
    }
}
