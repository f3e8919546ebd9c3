package io.github.camelgc.metaimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.camelgc.metaimage.MetaImageException.Problem;

/**
 * Parses and formats the text header ({@code Key = Value} lines ending with {@code ElementDataFile}).
 *
 * <p>Hand-written because no maintained Java library reads MetaImage; the format is a few dozen lines.
 */
final class HeaderCodec {

    /** A header larger than this is not a MetaImage header (protects against reading a binary file whole). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private HeaderCodec() {
    }

    /** A parsed header and the number of header bytes (where inline pixel data starts). */
    static final class Parsed {
        final MetaImageHeader header;
        final long headerBytes;
        final long compressedDataSize;

        Parsed(MetaImageHeader header, long headerBytes, long compressedDataSize) {
            this.header = header;
            this.headerBytes = headerBytes;
            this.compressedDataSize = compressedDataSize;
        }
    }

    /** Reads header lines from {@code in} up to and including the {@code ElementDataFile} line, nothing more. */
    static Parsed parse(Path file, InputStream in) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        long consumed = 0;
        int lineNumber = 0;
        while (true) {
            int b = in.read();
            boolean end = b < 0;
            if (end && line.size() == 0) {
                throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header ends after " + lineNumber
                        + " lines without the required key ElementDataFile (is this a MetaImage .mha/.mhd file?)");
            }
            if (!end) {
                consumed++;
                if (consumed > MAX_HEADER_BYTES) {
                    throw new MetaImageException(file, Problem.NOT_METAIMAGE, "no ElementDataFile key within the "
                            + "first " + MAX_HEADER_BYTES + " bytes; not a MetaImage header");
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
            }
            // a complete line, or the last line of a .mhd that does not end with a newline
            lineNumber++;
            String text = decode(file, line.toByteArray(), lineNumber).strip();
            line.reset();
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                // the line itself is not repeated: the file may be anything, and what it holds is not ours to echo
                throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header line " + lineNumber
                        + " is not a 'Key = Value' line");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if (!KNOWN_KEYS.contains(key) && !MetaImageHeader.isValidExtraKey(key)) {
                throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header line " + lineNumber
                        + " has a key that is not a MetaImage key (expected letters, digits, '_' or '-')");
            }
            if (value.indexOf('\r') >= 0) {
                throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header line " + lineNumber
                        + " has a carriage return inside its value");
            }
            keys.put(key, value);
            if (key.equals("ElementDataFile")) {
                return build(file, keys, consumed);
            }
        }
    }

    private static String decode(Path file, byte[] bytes, int lineNumber) throws MetaImageException {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r') {
                    throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header line " + lineNumber
                            + " contains control character 0x" + Integer.toHexString(c)
                            + "; expected a text header of 'Key = Value' lines");
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new MetaImageException(file, Problem.NOT_METAIMAGE, "header line " + lineNumber
                    + " is not valid UTF-8/ASCII text; expected a text header of 'Key = Value' lines", e);
        }
    }

    private static Parsed build(Path file, Map<String, String> keys, long headerBytes) throws MetaImageException {
        String objectType = keys.get("ObjectType");
        if (objectType != null && !objectType.equals("Image")) {
            throw new MetaImageException(file, Problem.UNSUPPORTED, "ObjectType is not 'Image'; only images are "
                    + "supported");
        }
        String binary = keys.get("BinaryData");
        if (binary != null && !parseBoolean(file, "BinaryData", binary)) {
            throw new MetaImageException(file, Problem.UNSUPPORTED, "BinaryData = False (ASCII pixel data) is not "
                    + "supported; expected True");
        }
        int nDims = parseInt(file, "NDims", require(file, keys, "NDims"));
        if (nDims < 1 || nDims > 8) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, "NDims = " + nDims
                    + " is out of range; expected 1 to 8");
        }
        int[] dims = parseInts(file, "DimSize", require(file, keys, "DimSize"), nDims);
        for (int d : dims) {
            if (d < 1) {
                throw new MetaImageException(file, Problem.INVALID_HEADER, "DimSize has a value below 1; expected "
                        + "positive sizes");
            }
        }
        String typeName = require(file, keys, "ElementType");
        ElementType type = ElementType.fromHeaderName(typeName).orElseThrow(() -> new MetaImageException(file,
                Problem.UNSUPPORTED, "unknown ElementType; expected one of "
                + java.util.Arrays.toString(ElementType.values())));
        int channels = keys.containsKey("ElementNumberOfChannels")
                ? parseInt(file, "ElementNumberOfChannels", keys.get("ElementNumberOfChannels")) : 1;
        if (channels < 1) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, "ElementNumberOfChannels = " + channels
                    + "; expected at least 1");
        }
        double[] spacing = optionalDoubles(file, keys, nDims, 1.0, "ElementSpacing");
        double[] offset = optionalDoubles(file, keys, nDims, 0.0, "Offset", "Position", "Origin");
        double[] matrix = keys.containsKey("TransformMatrix") || keys.containsKey("Rotation")
                || keys.containsKey("Orientation")
                ? optionalDoubles(file, keys, nDims * nDims, 0.0, "TransformMatrix", "Rotation", "Orientation")
                : Geometry.identity(nDims);
        boolean compressed = keys.containsKey("CompressedData")
                && parseBoolean(file, "CompressedData", keys.get("CompressedData"));
        String msbKey = keys.containsKey("BinaryDataByteOrderMSB") ? "BinaryDataByteOrderMSB" : "ElementByteOrderMSB";
        boolean msb = keys.containsKey(msbKey) && parseBoolean(file, msbKey, keys.get(msbKey));
        long headerSize = keys.containsKey("HeaderSize") ? parseLong(file, "HeaderSize", keys.get("HeaderSize")) : 0;
        if (headerSize < -1) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, "HeaderSize = " + headerSize
                    + "; expected -1 or a byte count >= 0");
        }
        long compressedSize = keys.containsKey("CompressedDataSize")
                ? parseLong(file, "CompressedDataSize", keys.get("CompressedDataSize")) : -1;
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (!KNOWN_KEYS.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        }
        try {
            MetaImageHeader header = MetaImageHeader.builder()
                    .geometry(new Geometry(dims, spacing, offset, matrix)).elementType(type).channels(channels)
                    .anatomicalOrientation(keys.get("AnatomicalOrientation")).compressed(compressed)
                    .byteOrderMsb(msb).elementDataFile(keys.get("ElementDataFile")).headerSize(headerSize)
                    .extraKeys(extras).build();
            header.dataSizeBytes();
            return new Parsed(header, headerBytes, compressedSize);
        } catch (IllegalArgumentException e) {
            // the builder's messages name our keys and the numbers it parsed, never the header's text
            throw new MetaImageException(file, Problem.INVALID_HEADER, e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, "DimSize x ElementNumberOfChannels x the "
                    + "element size is more bytes than any file can hold (over 2^63); the header is not valid", e);
        }
    }

    /** Keys the header models itself (with their aliases); everything else is an extra key. */
    static final Set<String> KNOWN_KEYS = Set.of("ObjectType", "NDims", "BinaryData",
            "BinaryDataByteOrderMSB", "ElementByteOrderMSB", "CompressedData", "CompressedDataSize",
            "TransformMatrix", "Rotation", "Orientation", "Offset", "Position", "Origin", "AnatomicalOrientation",
            "ElementSpacing", "DimSize", "ElementNumberOfChannels", "ElementType", "ElementDataFile", "HeaderSize");

    private static String require(Path file, Map<String, String> keys, String key) throws MetaImageException {
        String value = keys.get(key);
        if (value == null || value.isEmpty()) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, "missing required header key " + key);
        }
        return value;
    }

    private static boolean parseBoolean(Path file, String key, String value) throws MetaImageException {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("1")) {
            return true;
        }
        if (v.equals("false") || v.equals("0")) {
            return false;
        }
        throw new MetaImageException(file, Problem.INVALID_HEADER, key + " is neither True nor False");
    }

    private static int parseInt(Path file, String key, String value) throws MetaImageException {
        long v = parseLong(file, key, value);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, key + " is out of range");
        }
        return (int) v;
    }

    private static long parseLong(Path file, String key, String value) throws MetaImageException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, key + " is not an integer");
        }
    }

    private static int[] parseInts(Path file, String key, String value, int count) throws MetaImageException {
        String[] parts = value.strip().split("\\s+");
        if (parts.length != count) {
            throw new MetaImageException(file, Problem.INVALID_HEADER, key + " has " + parts.length
                    + " values; expected " + count + " (NDims)");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = parseInt(file, key, parts[i]);
        }
        return out;
    }

    private static double[] optionalDoubles(Path file, Map<String, String> keys, int count, double fill,
            String... aliases) throws MetaImageException {
        for (String key : aliases) {
            String value = keys.get(key);
            if (value == null) {
                continue;
            }
            String[] parts = value.strip().split("\\s+");
            if (parts.length != count) {
                throw new MetaImageException(file, Problem.INVALID_HEADER, key + " has " + parts.length
                        + " values; expected " + count);
            }
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    throw new MetaImageException(file, Problem.INVALID_HEADER, key + " holds something other than "
                            + "numbers");
                }
            }
            return out;
        }
        double[] out = new double[count];
        java.util.Arrays.fill(out, fill);
        return out;
    }

    // ---- formatting ------------------------------------------------------------------------------

    /**
     * Header text for {@code header}. {@code compressedDataSize} is written verbatim when not null
     * (the writer passes a fixed-width placeholder it patches once the compressed size is known).
     */
    static String format(MetaImageHeader header, String compressedDataSize) {
        StringBuilder sb = new StringBuilder(512);
        line(sb, "ObjectType", "Image");
        line(sb, "NDims", Integer.toString(header.nDims()));
        line(sb, "BinaryData", "True");
        line(sb, "BinaryDataByteOrderMSB", bool(header.byteOrderMsb()));
        line(sb, "CompressedData", bool(header.compressed()));
        if (header.compressed() && compressedDataSize != null) {
            line(sb, "CompressedDataSize", compressedDataSize);
        }
        line(sb, "TransformMatrix", numbers(header.transformMatrix()));
        line(sb, "Offset", numbers(header.offset()));
        Map<String, String> extras = new LinkedHashMap<>(header.extraKeys());
        // ITK writes CenterOfRotation next to Offset; keep that familiar order.
        String center = extras.remove("CenterOfRotation");
        if (center != null) {
            line(sb, "CenterOfRotation", center);
        }
        if (header.anatomicalOrientation() != null) {
            line(sb, "AnatomicalOrientation", header.anatomicalOrientation());
        }
        line(sb, "ElementSpacing", numbers(header.spacing()));
        StringBuilder dims = new StringBuilder();
        for (int d : header.dimSize()) {
            dims.append(dims.length() == 0 ? "" : " ").append(d);
        }
        line(sb, "DimSize", dims.toString());
        if (header.channels() > 1) {
            line(sb, "ElementNumberOfChannels", Integer.toString(header.channels()));
        }
        if (header.headerSize() != 0 && !header.isLocal()) {
            line(sb, "HeaderSize", Long.toString(header.headerSize()));
        }
        line(sb, "ElementType", header.elementType().name());
        for (Map.Entry<String, String> e : extras.entrySet()) {
            line(sb, e.getKey(), e.getValue());
        }
        line(sb, "ElementDataFile", header.elementDataFile());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(" = ").append(value).append('\n');
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** Shortest text that parses back to the same double; integral values without a fraction. */
    static String numbers(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v);
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
