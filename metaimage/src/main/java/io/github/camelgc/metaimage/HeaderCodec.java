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

/**
 * Parses and formats the text part of a MetaImage ({@code Key = Value} lines ending with
 * {@code ElementDataFile}). Hand-written because no maintained Java library reads MetaImage.
 */
final class HeaderCodec {

    /** Headers are a few hundred bytes; anything this long is not a MetaImage header. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final Set<String> INTERPRETED = Set.of("ObjectType", "NDims", "DimSize", "ElementType",
            "ElementDataFile", "BinaryData", "BinaryDataByteOrderMSB", "ElementByteOrderMSB", "CompressedData",
            "CompressedDataSize", "TransformMatrix", "Rotation", "Orientation", "Offset", "Position", "Origin",
            "ElementSpacing", "AnatomicalOrientation", "ElementNumberOfChannels", "HeaderSize");

    /** A parsed header plus where its pixel data starts. */
    record Parsed(MetaImageHeader header, long dataOffset, long headerSize) {
    }

    private HeaderCodec() {
    }

    static boolean isInterpretedKey(String key) {
        return INTERPRETED.contains(key);
    }

    /**
     * Reads header lines from {@code in} up to and including the {@code ElementDataFile} line, never further,
     * so no pixel data is read.
     */
    static Parsed parse(Path file, InputStream in) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        long consumed = 0;
        int lineNumber = 0;
        while (true) {
            line.reset();
            int b;
            while ((b = in.read()) != -1) {
                consumed++;
                if (consumed > MAX_HEADER_BYTES) {
                    throw new MetaImageException(file, "no ElementDataFile line within the first "
                            + MAX_HEADER_BYTES + " bytes; not a MetaImage header");
                }
                if (b == '\n') {
                    break;
                }
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                throw new MetaImageException(file, "missing required key ElementDataFile"
                        + (keys.isEmpty() ? " (the file is empty or not a MetaImage header)" : ""));
            }
            lineNumber++;
            String text = decode(file, line.toByteArray(), lineNumber).strip();
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new MetaImageException(file, "header line " + lineNumber + " is not 'Key = Value': '"
                        + abbreviate(text) + "'");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if (keys.putIfAbsent(key, value) != null) {
                throw new MetaImageException(file, "header key " + key + " appears twice (line " + lineNumber + ")");
            }
            if (key.equals("ElementDataFile")) {
                return build(file, keys, consumed);
            }
            if (b == -1) {
                throw new MetaImageException(file, "missing required key ElementDataFile");
            }
        }
    }

    private static String decode(Path file, byte[] bytes, int lineNumber) throws MetaImageException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r') {
                    throw new MetaImageException(file, "header line " + lineNumber
                            + " contains control character 0x" + Integer.toHexString(c)
                            + "; expected a UTF-8/ASCII text header");
                }
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new MetaImageException(file, "header line " + lineNumber
                    + " is not valid UTF-8/ASCII text; expected a MetaImage text header", e);
        }
    }

    private static Parsed build(Path file, Map<String, String> keys, long dataOffset) throws MetaImageException {
        String objectType = keys.get("ObjectType");
        if (objectType != null && !objectType.equalsIgnoreCase("Image")) {
            throw new MetaImageException(file, "ObjectType is '" + objectType + "'; expected Image");
        }
        String binary = keys.get("BinaryData");
        if (binary != null && !parseBoolean(file, "BinaryData", binary)) {
            throw new MetaImageException(file, "BinaryData = False (ASCII pixel data) is not supported;"
                    + " expected binary pixel data");
        }
        int ndims = parseInt(file, "NDims", require(file, keys, "NDims"));
        if (ndims < 1 || ndims > 16) {
            throw new MetaImageException(file, "NDims = " + ndims + " is out of range; expected 1 to 16");
        }
        int[] dims = parseInts(file, "DimSize", require(file, keys, "DimSize"), ndims);
        for (int d : dims) {
            if (d < 1) {
                throw new MetaImageException(file, "DimSize has a non-positive size " + d + "; expected sizes >= 1");
            }
        }
        String typeName = require(file, keys, "ElementType");
        ElementType type = ElementType.fromHeaderName(typeName).orElseThrow(() -> new MetaImageException(file,
                "unknown ElementType '" + abbreviate(typeName) + "'; expected one of "
                        + java.util.Arrays.toString(ElementType.values())));
        MetaImageHeader.Builder b = MetaImageHeader.builder(type, dims);
        b.elementDataFile(require(file, keys, "ElementDataFile"));
        String channels = keys.get("ElementNumberOfChannels");
        if (channels != null) {
            int c = parseInt(file, "ElementNumberOfChannels", channels);
            if (c < 1) {
                throw new MetaImageException(file, "ElementNumberOfChannels = " + c + "; expected at least 1");
            }
            b.channels(c);
        }
        String spacing = keys.get("ElementSpacing");
        if (spacing != null) {
            b.spacing(parseDoubles(file, "ElementSpacing", spacing, ndims));
        }
        String offset = firstOf(keys, "Offset", "Position", "Origin");
        if (offset != null) {
            b.offset(parseDoubles(file, "Offset", offset, ndims));
        }
        String matrix = firstOf(keys, "TransformMatrix", "Rotation", "Orientation");
        if (matrix != null) {
            b.transformMatrix(parseDoubles(file, "TransformMatrix", matrix, ndims * ndims));
        }
        if (keys.containsKey("AnatomicalOrientation")) {
            b.anatomicalOrientation(keys.get("AnatomicalOrientation"));
        }
        String compressed = keys.get("CompressedData");
        b.compressed(compressed != null && parseBoolean(file, "CompressedData", compressed));
        String msb = firstOf(keys, "BinaryDataByteOrderMSB", "ElementByteOrderMSB");
        b.msb(msb != null && parseBoolean(file, "BinaryDataByteOrderMSB", msb));
        String compressedSize = keys.get("CompressedDataSize");
        if (compressedSize != null) {
            b.compressedDataSize(parseLong(file, "CompressedDataSize", compressedSize));
        }
        long headerSize = keys.containsKey("HeaderSize") ? parseLong(file, "HeaderSize", keys.get("HeaderSize")) : 0;
        keys.forEach((key, value) -> {
            if (!INTERPRETED.contains(key)) {
                b.extraKey(key, value);
            }
        });
        return new Parsed(b.build(), dataOffset, headerSize);
    }

    /**
     * Formats {@code header} for writing, with {@code dataFile} as {@code ElementDataFile} and
     * {@code compressedSize} as {@code CompressedDataSize} (omitted when negative). Key order follows ITK's
     * writer so files diff cleanly against SimpleITK's.
     */
    static byte[] format(MetaImageHeader header, String dataFile, long compressedSize) {
        StringBuilder s = new StringBuilder(512);
        line(s, "ObjectType", "Image");
        line(s, "NDims", Integer.toString(header.ndims()));
        line(s, "BinaryData", "True");
        line(s, "BinaryDataByteOrderMSB", bool(header.msb()));
        line(s, "CompressedData", bool(header.compressed()));
        if (header.compressed() && compressedSize >= 0) {
            line(s, "CompressedDataSize", Long.toString(compressedSize));
        }
        line(s, "TransformMatrix", numbers(header.transformMatrix()));
        line(s, "Offset", numbers(header.offset()));
        String centerOfRotation = header.extraKeys().get("CenterOfRotation");
        if (centerOfRotation != null) {
            line(s, "CenterOfRotation", centerOfRotation);
        }
        if (header.anatomicalOrientation() != null) {
            line(s, "AnatomicalOrientation", header.anatomicalOrientation());
        }
        line(s, "ElementSpacing", numbers(header.spacing()));
        StringBuilder dims = new StringBuilder();
        for (int d : header.dimSize()) {
            dims.append(dims.length() == 0 ? "" : " ").append(d);
        }
        line(s, "DimSize", dims.toString());
        if (header.channels() != 1) {
            line(s, "ElementNumberOfChannels", Integer.toString(header.channels()));
        }
        line(s, "ElementType", header.elementType().name());
        header.extraKeys().forEach((key, value) -> {
            if (!key.equals("CenterOfRotation")) {
                line(s, key, value);
            }
        });
        line(s, "ElementDataFile", dataFile);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Shortest text that reads back as the same double; integers without ".0", like ITK writes them. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String numbers(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : " ").append(number(v));
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
        if (key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0 || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("header key/value must be one line without '=' in the key: " + key);
        }
        s.append(key).append(" = ").append(value).append('\n');
    }

    private static String bool(boolean b) {
        return b ? "True" : "False";
    }

    private static String firstOf(Map<String, String> keys, String... names) {
        for (String name : names) {
            if (keys.containsKey(name)) {
                return keys.get(name);
            }
        }
        return null;
    }

    private static String require(Path file, Map<String, String> keys, String key) throws MetaImageException {
        String value = keys.get(key);
        if (value == null || value.isEmpty()) {
            throw new MetaImageException(file, "missing required key " + key);
        }
        return value;
    }

    private static boolean parseBoolean(Path file, String key, String value) throws MetaImageException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new MetaImageException(file, key + " = '" + abbreviate(value) + "'; expected True or False");
        }
    }

    private static int parseInt(Path file, String key, String value) throws MetaImageException {
        long v = parseLong(file, key, value);
        if (v != (int) v) {
            throw new MetaImageException(file, key + " = " + v + " is too large");
        }
        return (int) v;
    }

    private static long parseLong(Path file, String key, String value) throws MetaImageException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new MetaImageException(file, key + " = '" + abbreviate(value) + "'; expected an integer");
        }
    }

    private static int[] parseInts(Path file, String key, String value, int count) throws MetaImageException {
        String[] parts = split(file, key, value, count);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = parseInt(file, key, parts[i]);
        }
        return result;
    }

    private static double[] parseDoubles(Path file, String key, String value, int count) throws MetaImageException {
        String[] parts = split(file, key, value, count);
        double[] result = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                result[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new MetaImageException(file, key + " has '" + abbreviate(parts[i]) + "'; expected a number");
            }
            if (!Double.isFinite(result[i])) {
                throw new MetaImageException(file, key + " has '" + parts[i] + "'; expected a finite number");
            }
        }
        return result;
    }

    private static String[] split(Path file, String key, String value, int count) throws MetaImageException {
        String[] parts = value.strip().split("\\s+");
        if (parts.length != count || value.isBlank()) {
            throw new MetaImageException(file, key + " has " + (value.isBlank() ? 0 : parts.length)
                    + " values; expected " + count + " (from NDims)");
        }
        return parts;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
