package io.github.camelgc.emulator.model;

import java.util.Arrays;

/** Every socket kind of the platform (spec §6.3): internal code, API label and category. */
public enum SocketKind {
    STR("String", Category.JSON), INT("Integer", Category.JSON), FLT("Float", Category.JSON),
    BOOL("Bool", Category.JSON), JSON("Anything", Category.JSON), CHART("Chart", Category.JSON),
    _2DBB("2D bounding box", Category.JSON), M2DB("Multiple 2D bounding boxes", Category.JSON),
    DIST("Distance measurement", Category.JSON), MDIS("Multiple distance measurements", Category.JSON),
    POIN("Point", Category.JSON), MPOI("Multiple points", Category.JSON), POLY("Polygon", Category.JSON),
    MPOL("Multiple polygons", Category.JSON), LINE("Line", Category.JSON), MLIN("Multiple lines", Category.JSON),
    ANGL("Angle", Category.JSON), MANG("Multiple angles", Category.JSON), ELLI("Ellipse", Category.JSON),
    MELL("Multiple ellipses", Category.JSON), _3ANG("Three-point angle", Category.JSON),
    M3AN("Multiple three-point angles", Category.JSON), ATRG("Affine transform registration", Category.JSON),
    CHOI("Choice", Category.JSON), MCHO("Multiple choice", Category.JSON),
    IMG("Image", Category.IMAGE), SEG("Segmentation", Category.IMAGE), HMAP("Heat Map", Category.IMAGE),
    DSPF("Displacement field", Category.IMAGE), DCMIS("DICOM Image Set", Category.DICOM),
    PDF("PDF file", Category.FILE), SQREG("SQREG file", Category.FILE), JPEG("Thumbnail jpg", Category.FILE),
    PNG("Thumbnail png", Category.FILE), OBJ("OBJ file", Category.FILE), MP4("MP4 file", Category.FILE),
    NEWCK("Newick tree-format file", Category.FILE), BIOM("BIOM format", Category.FILE),
    CSV("CSV file", Category.FILE), ZIP("ZIP file", Category.FILE);

    /** How values of a kind are stored. */
    public enum Category { JSON, IMAGE, DICOM, FILE }

    private final String label;
    private final Category category;

    SocketKind(String label, Category category) {
        this.label = label;
        this.category = category;
    }

    /** The internal code used in validation messages, e.g. {@code STR}, {@code 2DBB}. */
    public String code() {
        return name().startsWith("_") ? name().substring(1) : name();
    }

    /** The display label the API shows as {@code kind}. */
    public String label() {
        return label;
    }

    public Category category() {
        return category;
    }

    public boolean isImage() {
        return category == Category.IMAGE || category == Category.DICOM;
    }

    public boolean isJson() {
        return category == Category.JSON;
    }

    /** Looks a kind up by its code or its label. */
    public static SocketKind parse(String codeOrLabel) {
        return Arrays.stream(values())
                .filter(k -> k.code().equalsIgnoreCase(codeOrLabel) || k.label.equalsIgnoreCase(codeOrLabel))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown socket kind '" + codeOrLabel
                        + "': expected a code such as IMG or a label such as \"Segmentation\""));
    }
}
