package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileCheckTest {

    @TempDir
    Path folder;

    private final ImageFileCheck check = new ImageFileCheck();

    @Test
    void completeImagesPass() throws Exception {
        assertThatCode(() -> check.check(image("plain.mha", false))).doesNotThrowAnyException();
        assertThatCode(() -> check.check(image("zipped.mha", true))).doesNotThrowAnyException();
    }

    @Test
    void otherFormatsAreRefusedByName() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> check.check(text)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'notes.txt' is not a .mha file");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.mha"));
        assertThatThrownBy(() -> check.check(empty)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'empty.mha' is empty (0 bytes)");
    }

    @Test
    void textPretendingToBeAnImageIsRefused() throws Exception {
        Path fake = Files.writeString(folder.resolve("fake.mha"), "this is not an image\n");
        assertThatThrownBy(() -> check.check(fake)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'fake.mha' is not a readable MetaImage")
                .hasMessageNotContaining(folder.toString());
    }

    @Test
    void truncatedImagesAreRefusedCompressedOrNot() throws Exception {
        for (boolean compressed : new boolean[] {false, true}) {
            Path whole = image("whole-" + compressed + ".mha", compressed);
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = Files.write(folder.resolve("cut-" + compressed + ".mha"),
                    Arrays.copyOf(bytes, bytes.length - 40));
            assertThatThrownBy(() -> check.check(cut)).as("compressed=%s", compressed)
                    .isInstanceOf(InputRejectedException.class)
                    .hasMessageContaining("is not a readable MetaImage");
        }
    }

    private Path image(String name, boolean compressed) throws Exception {
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 16, 16, 8)
                .toBuilder().compressed(compressed).build());
        for (long i = 0; i < image.elementCount(); i++) {
            image.setLong(i, (i * 7919) % 2000 - 1000);
        }
        Path file = folder.resolve(name);
        MetaImageWriter.write(file, image);
        assertThat(file).isNotEmptyFile();
        return file;
    }
}
