package io.github.camelgc.metaimage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import io.github.camelgc.metaimage.phantom.LobeRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayScreenshotTest {

    private static final ChestPhantom PHANTOM = ChestPhantom.builder().size(64, 56, 40).noise(0).build();

    @Test
    void lobesAreTintedAndTheRestIsGreyInALungWindow() {
        MetaImage ct = PHANTOM.ct();
        MetaImage labels = PHANTOM.lobeLabels();

        OverlayScreenshot.RgbImage shot = OverlayScreenshot.render(ct, labels);

        assertThat(shot.width()).isEqualTo(64);
        assertThat(shot.height()).isEqualTo(56);
        int z = 20;
        int lobeVoxels = 0;
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 64; x++) {
                long label = labels.getLong(labels.voxelIndex(x, y, z));
                double hu = ct.getDouble(ct.voxelIndex(x, y, z));
                int grey = (int) Math.round(Math.max(0, Math.min(255, (hu + 1350) / 1500 * 255)));
                int[] pixel = shot.pixel(x, y);
                if (label == 0) {
                    assertThat(pixel).containsExactly(grey, grey, grey);
                } else {
                    lobeVoxels++;
                    int[] c = OverlayScreenshot.colour(label);
                    for (int k = 0; k < 3; k++) {
                        assertThat(pixel[k]).isEqualTo((int) Math.round(0.55 * grey + 0.45 * c[k]));
                    }
                }
            }
        }
        assertThat(lobeVoxels).isGreaterThan(200);
        assertThat(shot.pixel(0, 0)).containsExactly(60, 60, 60); // air outside the body: dark grey in a lung window
    }

    @Test
    void everyLobeHasItsOwnColour() {
        for (int a = LobeRule.LEFT_UPPER; a <= LobeRule.RIGHT_LOWER; a++) {
            for (int b = a + 1; b <= LobeRule.RIGHT_LOWER; b++) {
                assertThat(OverlayScreenshot.colour(a)).isNotEqualTo(OverlayScreenshot.colour(b));
            }
        }
    }

    @Test
    void screenshotIsWrittenAsAnRgbTiff(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("overlay.tif");

        OverlayScreenshot.writeTiff(file, PHANTOM.ct(), PHANTOM.lobeLabels());

        assertThat(Tiff.readHeader(file)).isEqualTo(new Tiff.TiffInfo(64, 56, 3, 8, 2, false, false, 1));
        assertThat(Files.size(file)).isGreaterThan(64 * 56 * 3);
    }

    @Test
    void twoDimensionalImagesAndMissingLabelsWork() {
        MetaImage flat = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 3, 2));
        flat.setLong(0, -1000);

        OverlayScreenshot.RgbImage shot = OverlayScreenshot.render(flat, null);

        assertThat(shot.pixel(0, 0)).containsExactly(60, 60, 60);
        assertThat(shot.pixel(1, 0)[0]).isEqualTo((int) Math.round(1350 / 1500.0 * 255));
    }

    @Test
    void labelsOfAnotherSizeAreRefused() {
        MetaImage other = MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 10, 10, 10));

        assertThatThrownBy(() -> OverlayScreenshot.render(PHANTOM.ct(), other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not cover");
    }
}
