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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code metaimage} command line: inspect, generate and convert MetaImage files by hand.
 */
@Command(name = "metaimage", mixinStandardHelpOptions = true, versionProvider = CommandLines.Version.class,
        scope = ScopeType.INHERIT,
        description = "Inspects, generates and converts MetaImage files (.mha, or .mhd with .raw/.zraw data).",
        subcommands = {MetaImageCli.Info.class, MetaImageCli.Phantom.class, MetaImageCli.Binarize.class,
            MetaImageCli.Segment.class, MetaImageCli.Volumes.class, MetaImageCli.Screenshot.class,
            HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed (the message names the file), 2 wrong usage."})
public final class MetaImageCli implements Runnable {

    @Spec
    private CommandSpec spec;

    private MetaImageCli() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args the arguments
     * @param out where results, help and version go
     * @param err where errors go
     * @return the exit code: 0 done, 1 failed, 2 wrong usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new MetaImageCli(), args, out, err);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    @Command(name = "info", description = "Prints the header (pixel data is not read).")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "a .mha or .mhd file")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
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
            return 0;
        }
    }

    @Command(name = "phantom",
            description = "Writes a synthetic chest CT (and its lobe labels).")
    static final class Phantom implements Callable<Integer> {
        @Option(names = "--size", paramLabel = "XxYxZ", converter = Size.Converter.class,
                description = "voxels per axis")
        Size size;

        @Option(names = "--spacing", paramLabel = "SXxSYxSZ", converter = Spacing.Converter.class,
                description = "voxel size in mm")
        Spacing spacing;

        @Option(names = "--seed", paramLabel = "N", description = "random seed")
        Long seed;

        @Option(names = "--noise", paramLabel = "HU", description = "noise amplitude in HU")
        Double noise;

        @Option(names = "--no-airways", description = "leave out the airways")
        boolean noAirways;

        @Option(names = "--labels", paramLabel = "LABELS.mha", description = "also write the lobe labels")
        Path labels;

        @Parameters(paramLabel = "OUT.mha", description = "the CT to write")
        Path target;

        @Override
        public Integer call() throws IOException {
            ChestPhantom.Builder builder = ChestPhantom.builder();
            if (size != null) {
                builder.size(size.x(), size.y(), size.z());
            }
            if (spacing != null) {
                builder.spacing(spacing.x(), spacing.y(), spacing.z());
            }
            if (seed != null) {
                builder.seed(seed);
            }
            if (noise != null) {
                builder.noise(noise);
            }
            if (noAirways) {
                builder.airways(false);
            }
            ChestPhantom phantom = builder.build();
            MetaImageWriter.write(target, phantom.ct());
            if (labels != null) {
                MetaImageWriter.write(labels, phantom.lobeLabels());
            }
            return 0;
        }
    }

    @Command(name = "binarize",
            description = "Labels >= 1 become 1 (MET_UCHAR), streamed slice by slice.")
    static final class Binarize implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "IN", description = "a label image")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT", description = "the mask to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            Masks.binarize(in, out);
            return 0;
        }
    }

    @Command(name = "segment",
            description = "Lobe segmentation (labels 1-5) of a CT in HU.")
    static final class Segment implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CT", description = "a CT in Hounsfield units")
        Path ct;

        @Parameters(index = "1", paramLabel = "OUT", description = "the labels to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            MetaImageWriter.write(out, LobeSegmentation.segment(MetaImageReader.read(ct)));
            return 0;
        }
    }

    @Command(name = "volumes", description = "Voxels and mL per label.")
    static final class Volumes implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "LABELS", description = "a label image")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            MetaImage labels = MetaImageReader.read(file);
            out.println("label\tvoxels\tmL");
            for (Masks.LabelVolume v : Masks.labelVolumes(labels).values()) {
                out.println(String.format(Locale.ROOT, "%d\t%d\t%.3f", v.label(), v.voxels(), v.milliliters()));
            }
            return 0;
        }
    }

    @Command(name = "screenshot",
            description = "The middle axial slice with the labels overlaid, as an RGB TIFF.")
    static final class Screenshot implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CT", description = "a CT in Hounsfield units")
        Path ct;

        @Parameters(index = "1", paramLabel = "LABELS", description = "its labels")
        Path labels;

        @Parameters(index = "2", paramLabel = "OUT.tif", description = "the TIFF to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            OverlayScreenshot.writeTiff(out, MetaImageReader.read(ct), MetaImageReader.read(labels));
            return 0;
        }
    }

    /** {@code --size XxYxZ}, e.g. {@code 128x128x96}. */
    record Size(int x, int y, int z) {
        static final class Converter implements ITypeConverter<Size> {
            @Override
            public Size convert(String text) {
                String[] parts = text.split("x");
                try {
                    if (parts.length == 3) {
                        return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                                Integer.parseInt(parts[2]));
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new TypeConversionException("needs three whole numbers, e.g. 128x128x96, got '" + text + "'");
            }
        }
    }

    /** {@code --spacing SXxSYxSZ}, e.g. {@code 0.8x0.8x1.5}. */
    record Spacing(double x, double y, double z) {
        static final class Converter implements ITypeConverter<Spacing> {
            @Override
            public Spacing convert(String text) {
                String[] parts = text.split("x");
                try {
                    if (parts.length == 3) {
                        return new Spacing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                                Double.parseDouble(parts[2]));
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new TypeConversionException("needs three numbers, e.g. 0.8x0.8x1.5, got '" + text + "'");
            }
        }
    }

    private static String join(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.length() == 0 ? "" : " x ").append(v);
        }
        return sb.toString();
    }
}
