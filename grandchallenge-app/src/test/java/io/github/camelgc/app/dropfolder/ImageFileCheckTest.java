package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileCheckTest {

    private static final String SECRET = "s3cr3t-line-of-another-file";

    @TempDir
    Path folder;

    private final ImageFileCheck check = new ImageFileCheck();
    /** Files that changed within a minute may still be being copied. */
    private final ImageFileCheck patient = new ImageFileCheck(Duration.ofMinutes(1));

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
    void textPretendingToBeAnImageIsRefusedAsNotAMetaImageWithoutQuotingIt() throws Exception {
        Path fake = Files.writeString(folder.resolve("fake.mha"), SECRET + "\n");
        assertThatThrownBy(() -> check.check(fake)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'fake.mha' is not a MetaImage: header line 1 is not a 'Key = Value' line")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(folder.toString())
                .hasMessageNotContaining("copy")
                .extracting(e -> ((InputRejectedException) e).toTryAgain()).asString().contains("convert");
    }

    @Test
    void truncatedImagesAreRefusedAsIncompleteCompressedOrNot() throws Exception {
        for (boolean compressed : new boolean[] {false, true}) {
            Path whole = image("whole-" + compressed + ".mha", compressed);
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = old(Files.write(folder.resolve("cut-" + compressed + ".mha"),
                    Arrays.copyOf(bytes, bytes.length - 40)));
            assertThatThrownBy(() -> patient.check(cut)).as("compressed=%s", compressed)
                    .isInstanceOf(InputRejectedException.class)
                    .hasMessageContaining("is incomplete").hasMessageContaining("truncated");
        }
    }

    @Test
    void aSymbolicLinkIsRefusedWithoutReadingWhatItPointsTo() throws Exception {
        Path target = Files.writeString(folder.resolve("system-file"), SECRET + "\n");
        Path link = Files.createSymbolicLink(folder.resolve("x.mha"), target);
        Path nowhere = Files.createSymbolicLink(folder.resolve("broken.mha"), folder.resolve("missing"));
        for (Path each : new Path[] {link, nowhere}) {
            assertThatThrownBy(() -> check.check(each)).isInstanceOf(InputRejectedException.class)
                    .hasMessageContaining("is a symbolic link").hasMessageContaining("itself into the inbox")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void foldersAndPipesAreRefusedWithoutOpeningThem() throws Exception {
        Path subfolder = Files.createDirectories(folder.resolve("scans.mha"));
        assertThatThrownBy(() -> check.check(subfolder)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("is a folder");
        Path pipe = folder.resolve("pipe.mha");
        assumeThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).as("mkfifo").isZero();
        // opening a pipe nobody writes to would block this test for ever
        assertThatThrownBy(() -> check.check(pipe)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aMhaWhosePixelDataIsInAnotherFileIsRefusedEvenWhenThatFileIsComplete() throws Exception {
        Files.write(folder.resolve("data.raw"), new byte[16 * 16 * 8 * 2]);
        Path header = Files.writeString(folder.resolve("split.mha"), "ObjectType = Image\nNDims = 3\n"
                + "DimSize = 16 16 8\nElementType = MET_SHORT\nElementDataFile = data.raw\n");
        assertThatThrownBy(() -> check.check(header)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("keeps its pixel data in a separate file")
                .hasMessageContaining("only this header would be uploaded").hasMessageNotContaining("data.raw");
        Path outside = Files.writeString(folder.resolve("outside.mha"), "NDims = 3\nDimSize = 16 16 8\n"
                + "ElementType = MET_SHORT\nElementDataFile = ../" + SECRET + "\n");
        assertThatThrownBy(() -> check.check(outside)).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("keeps its pixel data in a separate file").hasMessageNotContaining(SECRET);
    }

    @Test
    void aDimSizeThatOverflowsIsAReadableReason() throws Exception {
        Path huge = Files.writeString(folder.resolve("huge.mha"), "NDims = 3\n"
                + "DimSize = 2147483647 2147483647 2147483647\nElementType = MET_DOUBLE\nElementDataFile = LOCAL\n");
        assertThatThrownBy(() -> check.check(huge)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'huge.mha' has a MetaImage header the service cannot use")
                .hasMessageContaining("more bytes than any file can hold").hasMessageNotContaining("Arithmetic");
    }

    @Test
    void aCompressedFileCreatedAtFullSizeAndNotYetWrittenWaitsThenIsRefusedAsNotCompletelyWritten()
            throws Exception {
        Path whole = image("source.mha", true);
        byte[] bytes = Files.readAllBytes(whole);
        // a copy tool that preallocates: the full size at once, zeros where nothing was written yet
        byte[] preallocated = new byte[bytes.length];
        System.arraycopy(bytes, 0, preallocated, 0, bytes.length / 2);
        Path copy = Files.write(folder.resolve("copy.mha"), preallocated);

        assertThatThrownBy(() -> patient.check(copy)).as("a copy in progress: checked again later")
                .isInstanceOf(InputIncompleteException.class).hasMessageContaining("ends in zeros");
        old(copy);
        assertThatThrownBy(() -> patient.check(copy)).as("unchanged for the settle time: refused")
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("was not completely written").hasMessageContaining("zeros")
                .hasMessageContaining("full size");
        Files.write(copy, bytes);
        assertThatCode(() -> patient.check(copy)).as("the copy completed").doesNotThrowAnyException();
    }

    @Test
    void aDamagedCompressedFileIsRefusedAsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(image("source.mha", true));
        int data = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("ElementDataFile = LOCAL\n") + 24;
        for (int i = data + 8; i < bytes.length - 8; i += 5) {
            bytes[i] ^= 0x5a;
        }
        Path damaged = old(Files.write(folder.resolve("damaged.mha"), bytes));
        assertThatThrownBy(() -> patient.check(damaged)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'damaged.mha' is damaged: compressed pixel data is corrupt");
    }

    @Test
    void aFileThatStartsWithZerosButIsNotAMetaImageIsRefusedAtOnceNotTakenForACopy() throws Exception {
        // a DICOM file renamed to .mha: a 128-byte zero preamble, "DICM", data ending in zeros
        byte[] dicom = new byte[4096];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, dicom, 128, 4);
        Arrays.fill(dicom, 132, 2000, (byte) 7);
        Path file = Files.write(folder.resolve("ct.mha"), dicom);
        assertThatThrownBy(() -> patient.check(file)).isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("'ct.mha' is not a MetaImage");
    }

    @Test
    void rawPixelDataEndingInZerosIsComplete() throws Exception {
        // raw data that is zero at the end cannot be told from a preallocated copy: it is taken (the user guide
        // names the safe ways to copy: rename into the inbox, or the .ready marker)
        MetaImage image = MetaImage.create(MetaImageHeader.of(ElementType.MET_SHORT, 16, 16, 8));
        image.setLong(0, 5);
        Path file = folder.resolve("dark.mha");
        MetaImageWriter.write(file, image);
        assertThatCode(() -> patient.check(file)).doesNotThrowAnyException();
    }

    private static Path old(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        return file;
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
