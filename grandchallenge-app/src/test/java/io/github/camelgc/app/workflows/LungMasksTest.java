package io.github.camelgc.app.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.github.camelgc.app.dropfolder.RetryBackoff;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LungMasksTest {

    @TempDir
    Path folder;

    @Test
    void everyLobeBecomesOneAndGeometryIsKept() throws Exception {
        MetaImageHeader header = MetaImageHeader.of(ElementType.MET_UCHAR, 4, 3, 2)
                .toBuilder().spacing(0.7, 0.8, 2.5).offset(-10, 20, 30.5).compressed(true).build();
        MetaImage lobes = MetaImage.create(header);
        for (long i = 0; i < lobes.elementCount(); i++) {
            lobes.setLong(i, i % 6);
        }
        Path lobesFile = folder.resolve("case01_lobes.mha");
        MetaImageWriter.write(lobesFile, lobes);

        Path maskFile = new LungMasks(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), Clock.systemUTC()))
                .write(lobesFile);

        assertThat(maskFile).isEqualTo(folder.resolve("case01_lungs.mha"));
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("case01_lobes.mha", "case01_lungs.mha");
        MetaImage mask = MetaImageReader.read(maskFile);
        assertThat(mask.header().elementType()).isEqualTo(ElementType.MET_UCHAR);
        assertThat(mask.header().sameGeometry(header)).isTrue();
        assertThat(mask.header().spacing()).containsExactly(0.7, 0.8, 2.5);
        assertThat(mask.header().offset()).containsExactly(-10, 20, 30.5);
        for (long i = 0; i < mask.elementCount(); i++) {
            assertThat(mask.getLong(i)).as("voxel %d with label %d", i, i % 6).isEqualTo(i % 6 == 0 ? 0 : 1);
        }
    }
}
