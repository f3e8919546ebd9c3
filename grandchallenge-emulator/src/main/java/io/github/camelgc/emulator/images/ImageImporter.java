package io.github.camelgc.emulator.images;

import io.github.camelgc.emulator.model.Image;
import io.github.camelgc.emulator.model.Upload;
import io.github.camelgc.emulator.storage.BlobStore;
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

    /** Images above this are not read whole just to list their label values. */
    private static final long SEGMENTS_READ_LIMIT = 64L << 20;

    private final ImageStore images;
    private final BlobStore blobs;

    public ImageImporter(ImageStore images, BlobStore blobs) {
        this.images = images;
        this.blobs = blobs;
    }

    /**
     * Imports the files of completed uploads.
     *
     * @throws ImportFailure with the platform's session message when some file cannot be imported
     */
    public List<Image> importUploads(List<Upload> uploads, int creatorId, String origin) throws ImportFailure {
        Set<String> names = new HashSet<>();
        for (Upload upload : uploads) {
            if (!Upload.COMPLETED.equals(upload.status()) || upload.blob() == null) {
                throw new ImportFailure(plural(uploads.size()) + " could not be imported");
            }
            if (!names.add(upload.filename())) {
                throw new ImportFailure("Duplicate files uploaded, please try again with a unique set of files");
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
                        imported.add(mhd(file, work, upload.filename(), creatorId, origin));
                    } else if (!lower.endsWith(".raw") && !lower.endsWith(".zraw")) {
                        failed++;
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                }
            }
            if (imported.isEmpty() || failed > 0) {
                throw new ImportFailure(plural(Math.max(failed, 1)) + " could not be imported");
            }
            return imported;
        } catch (IOException e) {
            throw new ImportFailure("An unexpected error occurred", e);
        } finally {
            deleteTree(work);
        }
    }

    private Image mha(Path file, String name, int creatorId, String origin) throws IOException {
        MetaImageHeader header = MetaImageReader.readHeader(file);
        if (header.dataSizeBytes() + header.headerSize() > Files.size(file) && !header.compressed()) {
            throw new IOException(name + " is truncated");
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

    /** Label values of small integer images, like the platform's {@code segments}; big images are not read. */
    private static List<Integer> segments(Path mha) throws IOException {
        MetaImageHeader header = MetaImageReader.readHeader(mha);
        if (!header.elementType().isInteger() || header.dataSizeBytes() > SEGMENTS_READ_LIMIT) {
            return null;
        }
        List<Long> segments = ImageSummary.of(MetaImageReader.read(mha)).segments();
        return segments == null ? null : segments.stream().map(Long::intValue).toList();
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
