package io.github.camelgc.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slice-wise writing and reading agree with whole-image reading, and slices know where they are. */
class SliceStreamingTest {

    @ParameterizedTest
    @ValueSource(strings = {"slices.mha", "slices.mhd"})
    void slicesWrittenOneByOneReadBackAsTheWholeVolume(String name, @TempDir Path dir) throws IOException {
        MetaImageHeader header = MetaImageHeader.builder(ElementType.MET_SHORT, 6, 5, 4).compressed(true)
                .spacing(0.5, 0.5, 2).offset(10, 20, 30).build();
        Path file = dir.resolve(name);
        try (PixelSink sink = MetaImageWriter.openPixels(file, header)) {
            for (int z = 0; z < 4; z++) {
                MetaImage slice = MetaImage.create(PixelStream.sliceHeader(header, z));
                for (int i = 0; i < 30; i++) {
                    slice.setLong(i, z * 100 + i);
                }
                sink.writeSlice(slice);
            }
        }

        MetaImage whole = MetaImageReader.read(file);
        assertThat(whole.getLong(whole.voxelIndex(3, 2, 1))).isEqualTo(100 + 2 * 6 + 3);
        try (PixelStream pixels = MetaImageReader.openPixels(file)) {
            pixels.readSlice();
            pixels.readSlice();
            MetaImage third = pixels.readSlice();
            assertThat(third.header().dimSize()).containsExactly(6, 5, 1);
            assertThat(third.header().offset()).containsExactly(10, 20, 34);
            assertThat(third.getLong(7)).isEqualTo(207);
            assertThat(pixels.nextSliceIndex()).isEqualTo(3);
            pixels.readSlice();
            assertThat(pixels.hasNextSlice()).isFalse();
            assertThatThrownBy(pixels::readSlice).isInstanceOf(MetaImageException.class)
                    .hasMessageContaining("all 4 slices were read");
        }
    }

    @Test
    void sliceOfTheWrongShapeIsRefused(@TempDir Path dir) throws IOException {
        MetaImageHeader header = MetaImageHeader.of(ElementType.MET_UCHAR, 4, 4, 2);
        Path file = dir.resolve("shape.mha");
        PixelSink sink = MetaImageWriter.openPixels(file, header);

        assertThatThrownBy(() -> sink.writeSlice(MetaImage.create(MetaImageHeader.of(ElementType.MET_UCHAR, 3, 4, 1))))
                .isInstanceOf(MetaImageException.class).hasMessageContaining("shape.mha")
                .hasMessageContaining("does not fit");
        assertThatThrownBy(sink::close).isInstanceOf(MetaImageException.class);
    }
}
