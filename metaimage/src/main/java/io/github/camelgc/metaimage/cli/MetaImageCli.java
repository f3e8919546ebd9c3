package io.github.camelgc.metaimage.cli;

import io.github.camelgc.metaimage.MetaImage;
import io.github.camelgc.metaimage.MetaImageHeader;
import io.github.camelgc.metaimage.MetaImageReader;
import io.github.camelgc.metaimage.MetaImageWriter;
import io.github.camelgc.metaimage.analysis.LobeSegmentation;
import io.github.camelgc.metaimage.analysis.OverlayScreenshot;
import io.github.camelgc.metaimage.ops.Masks;
import io.github.camelgc.metaimage.phantom.ChestPhantom;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metaimage} command line: inspect, generate and convert MetaImage files by hand.
 * Arguments are parsed by hand: five commands with a few options do not justify a CLI library.
 */
public final class MetaImageCli {

    static final String USAGE = String.join("\n",
            "usage: metaimage COMMAND ...",
            "  info FILE                     print the header (pixel data is not read)",
            "  phantom [--size XxYxZ] [--spacing SXxSYxSZ] [--seed N] [--noise HU] [--no-airways]",
            "          [--labels LABELS.mha] OUT.mha   write a synthetic chest CT (and its lobe labels)",
            "  binarize IN OUT               labels >= 1 become 1 (MET_UCHAR), streamed slice by slice",
            "  segment CT OUT                lobe segmentation (labels 1-5) of a CT in HU",
            "  volumes LABELS                voxels and mL per label",
            "  screenshot CT LABELS OUT.tif  middle axial slice with the labels overlaid");

    private final PrintStream out;

    private MetaImageCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code (0 done, 1 failed, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            new MetaImageCli(out).dispatch(List.of(args));
            return 0;
        } catch (UsageException e) {
            err.println("metaimage: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (NumberFormatException e) {
            err.println("metaimage: expected a number: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("metaimage: " + e.getMessage());
            return 1;
        }
    }

    private void dispatch(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new UsageException("missing command");
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        switch (args.get(0)) {
            case "info": info(path(one(rest, "info FILE"))); break;
            case "phantom": phantom(rest); break;
            case "binarize": {
                two(rest, "binarize IN OUT");
                Masks.binarize(path(rest.get(0)), path(rest.get(1)));
                break;
            }
            case "segment": {
                two(rest, "segment CT OUT");
                MetaImageWriter.write(path(rest.get(1)), LobeSegmentation.segment(MetaImageReader.read(path(rest.get(0)))));
                break;
            }
            case "volumes": volumes(path(one(rest, "volumes LABELS"))); break;
            case "screenshot": {
                if (rest.size() != 3) {
                    throw new UsageException("screenshot needs CT LABELS OUT.tif");
                }
                OverlayScreenshot.writeTiff(path(rest.get(2)), MetaImageReader.read(path(rest.get(0))),
                        MetaImageReader.read(path(rest.get(1))));
                break;
            }
            case "-h": case "--help": case "help": out.println(USAGE); break;
            default: throw new UsageException("unknown command '" + args.get(0) + "'");
        }
    }

    private void info(Path file) throws IOException {
        MetaImageHeader h = MetaImageReader.readHeader(file);
        out.println("file:          " + file);
        out.println("dimensions:    " + join(h.dimSize()) + " (" + h.nDims() + "-D, " + h.voxelCount() + " voxels)");
        out.println("element type:  " + h.elementType() + (h.channels() > 1 ? " x " + h.channels() + " channels" : ""));
        out.println("spacing:       " + Arrays.toString(h.spacing()));
        out.println("offset:        " + Arrays.toString(h.offset()));
        out.println("direction:     " + Arrays.toString(h.transformMatrix()));
        if (h.anatomicalOrientation() != null) {
            out.println("orientation:   " + h.anatomicalOrientation());
        }
        out.println("data:          " + h.elementDataFile() + ", " + h.dataSizeBytes() + " bytes"
                + (h.compressed() ? ", zlib-compressed" : "") + (h.byteOrderMsb() ? ", big-endian" : ""));
        for (Map.Entry<String, String> e : h.extraKeys().entrySet()) {
            out.println("  " + e.getKey() + " = " + e.getValue());
        }
    }

    private void phantom(List<String> args) throws IOException {
        ChestPhantom.Builder builder = ChestPhantom.builder();
        Path labels = null;
        Path target = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--size": {
                    int[] s = triple(value(args, ++i, a), a);
                    builder.size(s[0], s[1], s[2]);
                    break;
                }
                case "--spacing": {
                    double[] s = Arrays.stream(value(args, ++i, a).split("x")).mapToDouble(Double::parseDouble).toArray();
                    if (s.length != 3) {
                        throw new UsageException("--spacing needs SXxSYxSZ, e.g. 0.8x0.8x1.5");
                    }
                    builder.spacing(s[0], s[1], s[2]);
                    break;
                }
                case "--seed": builder.seed(Long.parseLong(value(args, ++i, a))); break;
                case "--noise": builder.noise(Double.parseDouble(value(args, ++i, a))); break;
                case "--no-airways": builder.airways(false); break;
                case "--labels": labels = path(value(args, ++i, a)); break;
                default:
                    if (a.startsWith("--") || target != null) {
                        throw new UsageException("unexpected argument '" + a + "'");
                    }
                    target = path(a);
            }
        }
        if (target == null) {
            throw new UsageException("phantom needs an output file");
        }
        ChestPhantom phantom = builder.build();
        MetaImageWriter.write(target, phantom.ct());
        if (labels != null) {
            MetaImageWriter.write(labels, phantom.lobeLabels());
        }
    }

    private void volumes(Path file) throws IOException {
        MetaImage labels = MetaImageReader.read(file);
        out.println("label\tvoxels\tmL");
        for (Masks.LabelVolume v : Masks.labelVolumes(labels).values()) {
            out.println(String.format(Locale.ROOT, "%d\t%d\t%.3f", v.label(), v.voxels(), v.milliliters()));
        }
    }

    private static int[] triple(String text, String option) {
        String[] parts = text.split("x");
        if (parts.length != 3) {
            throw new UsageException(option + " needs XxYxZ, e.g. 128x128x96");
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs whole numbers, got '" + text + "'");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new UsageException("expected: " + usage);
        }
        return args.get(0);
    }

    private static void two(List<String> args, String usage) {
        if (args.size() != 2) {
            throw new UsageException("expected: " + usage);
        }
    }

    private static Path path(String s) {
        return Paths.get(s);
    }

    private static String join(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.length() == 0 ? "" : " x ").append(v);
        }
        return sb.toString();
    }

    /** Wrong arguments: reported with the usage text. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
