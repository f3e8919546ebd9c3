package io.github.camelgc.emulator.images;

import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.storage.BlobStore;
import io.github.camelgc.metaimage.ElementType;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.analysis.ImageSummary;
import io.github.camelgc.metaimage.analysis.Tiff;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.PixelSink;
import io.github.camelgc.metaimage.PixelStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The emulator's image importer (the platform uses panimg): completed uploads in, images out. Accepts
 * {@code .mha}, {@code .mhd} with its {@code .raw}/{@code .zraw} (converted to one {@code .mha}) and
 * {@code .tif}/{@code .tiff} (kept as TIFF); everything else "could not be imported".
 */
public final class ImageImporter {

    /** panimg's {@code MAXIMUM_SEGMENTS_LENGTH}: label images with more distinct values have no segments. */
    public static final int MAXIMUM_SEGMENTS_LENGTH = 64;

    private final ImageStore images;
    private final BlobStore blobs;

    public ImageImporter(ImageStore images, BlobStore blobs) {
        this.images = images;
        this.blobs = blobs;
    }

    /** What an import produced: the images, and how many files could not be used. */
    public record Result(List<Image> images, int failedFiles) {

        /** The session's message: {@code "N file(s) could not be imported"}, or {@code ""} when every file was used. */
        public String message() {
            return failedFiles == 0 ? "" : plural(failedFiles) + " could not be imported";
        }
    }

    /**
     * Imports the files of uploads, as {@code build_images} does ({@code cases/tasks.py}): files are provisioned in
     * the uploads' order (a repeated name is "Duplicate files uploaded…", an upload that is not completed cannot be
     * downloaded: "An unexpected error occurred"), then every file becomes an image or a file error. At least one
     * image is a success, even when other files failed.
     *
     * @throws ImportFailure with the session's message when no image came out
     */
    public Result importUploads(List<Upload> uploads, int creatorId, String origin) throws ImportFailure {
        Set<String> names = new HashSet<>();
        for (Upload upload : uploads) {
            if (!names.add(upload.filename())) {
                throw new ImportFailure("Duplicate files uploaded, please try again with a unique set of files");
            }
            if (!Upload.COMPLETED.equals(upload.status()) || upload.blob() == null) {
                throw new ImportFailure("An unexpected error occurred");
            }
        }
        Path work;
        try {
            work = Files.createTempDirectory(blobs.root(), "import-");
        } catch (IOException e) {
            throw new ImportFailure("An unexpected error occurred", e);
        }
        try {
            // Links under the original (already validated) file names, so .mhd headers find their data files.
            for (Upload upload : uploads) {
                Files.createLink(work.resolve(upload.filename()), upload.blob());
            }
            List<Image> imported = new ArrayList<>();
            Set<String> consumed = new HashSet<>();
            int failed = 0;
            for (Upload upload : uploads) {
                String lower = upload.filename().toLowerCase(Locale.ROOT);
                Path file = work.resolve(upload.filename());
                try {
                    if (lower.endsWith(".mha")) {
                        imported.add(mha(file, upload.filename(), creatorId, origin));
                    } else if (lower.endsWith(".tif") || lower.endsWith(".tiff")) {
                        imported.add(tiff(file, upload.filename(), creatorId, origin));
                    } else if (lower.endsWith(".mhd")) {
                        String dataFile = MetaImageReader.readHeader(file).elementDataFile();
                        imported.add(mhd(file, work, upload.filename(), creatorId, origin));
                        consumed.add(dataFile);
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                }
            }
            for (Upload upload : uploads) {
                String lower = upload.filename().toLowerCase(Locale.ROOT);
                // Data files count as used only when a header that names them was imported; anything else is an error.
                if ((lower.endsWith(".raw") || lower.endsWith(".zraw")) && !consumed.contains(upload.filename())
                        || !(lower.endsWith(".raw") || lower.endsWith(".zraw") || lower.endsWith(".mha")
                        || lower.endsWith(".mhd") || lower.endsWith(".tif") || lower.endsWith(".tiff"))) {
                    failed++;
                }
            }
            Result result = new Result(imported, failed);
            if (imported.isEmpty()) {
                throw new ImportFailure(result.message());
            }
            return result;
        } catch (IOException e) {
            throw new ImportFailure("An unexpected error occurred", e);
        } finally {
            deleteTree(work);
        }
    }

    private Image mha(Path file, String name, int creatorId, String origin) throws IOException {
        // Like the importer reading the whole image: opening checks the size of raw data, a compressed stream must
        // inflate completely.
        try (PixelStream pixels = MetaImageReader.openPixels(file)) {
            while (pixels.header().compressed() && pixels.hasNextSlice()) {
                pixels.readSlice();
            }
        }
        Path copy = Files.createTempFile(blobs.root(), "image-", ".mha");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        return images.addMha(copy, name, creatorId, origin, segments(copy));
    }

    /** TIFFs are kept as they are ({@code image_type} TIFF), described from their header. */
    private Image tiff(Path file, String name, int creatorId, String origin) throws IOException {
        Tiff.TiffInfo info = Tiff.readHeader(file);
        Path copy = Files.createTempFile(blobs.root(), "image-", ".tif");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        return images.addTiff(copy, name, info.width(), info.height(), info.samplesPerPixel(), creatorId, origin);
    }

    /**
     * panimg's {@code segments}: only single-channel 8-bit images, at most {@value #MAXIMUM_SEGMENTS_LENGTH}
     * distinct values; a 4-D image of 0/1 volumes has one segment per volume. Read slice by slice.
     */
    static List<Integer> segments(Path mha) throws IOException {
        MetaImageHeader header = MetaImageReader.readHeader(mha);
        ElementType type = header.elementType();
        if (header.channels() != 1 || (type != ElementType.MET_UCHAR && type != ElementType.MET_CHAR)) {
            return null;
        }
        List<Long> values = ImageSummary.of(mha).segments();
        if (values == null) {
            return null;
        }
        if (header.nDims() == 4) {
            if (!Set.of(0L, 1L).containsAll(values)) {
                return null;
            }
            List<Integer> volumes = new ArrayList<>();
            for (int v = 1; v <= header.dim(3); v++) {
                volumes.add(v);
            }
            return volumes.size() <= MAXIMUM_SEGMENTS_LENGTH ? volumes : null;
        }
        return values.size() <= MAXIMUM_SEGMENTS_LENGTH
                ? values.stream().map(Long::intValue).toList() : null;
    }

    /** Converts a header/data-file pair to a single {@code .mha}, slice by slice. */
    private Image mhd(Path header, Path work, String name, int creatorId, String origin) throws IOException {
        Path target = Files.createTempFile(blobs.root(), "image-", ".mha");
        try (PixelStream in = MetaImageReader.openPixels(header);
                PixelSink out = MetaImageWriter.openPixels(target, in.header().toBuilder().compressed(false).build())) {
            while (in.hasNextSlice()) {
                out.write(in.readSlice().data());
            }
        }
        return images.addMha(target, name, creatorId, origin, segments(target));
    }

    private static String plural(int n) {
        return n + (n == 1 ? " file" : " files");
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder inside storage is harmless
        }
    }
}
