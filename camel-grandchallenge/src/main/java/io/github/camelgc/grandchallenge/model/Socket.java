package io.github.camelgc.grandchallenge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A component interface ("socket"): a typed input or output slot of an algorithm or archive.
 * <p>
 * The API sends the full object in read shapes and only the slug in post shapes (job-create and archive-item PATCH
 * responses), so this class also deserialises from a bare string.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Socket {

    @JsonProperty("pk")
    private Long pk;
    @JsonProperty("slug")
    private String slug;
    @JsonProperty("title")
    private String title;
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("super_kind")
    private String superKind;
    @JsonProperty("relative_path")
    private String relativePath;
    @JsonProperty("default_value")
    private JsonNode defaultValue;
    @JsonProperty("description")
    private String description;

    public Socket() {
    }

    /** Creates a socket known only by its slug (the post shape of socket values). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Socket ofSlug(String slug) {
        Socket socket = new Socket();
        socket.slug = slug;
        return socket;
    }

    /** Creates a fully described socket (used by tests and by code that builds sockets itself). */
    public static Socket of(String slug, String title, String kind, String superKind) {
        Socket socket = ofSlug(slug);
        socket.title = title;
        socket.kind = kind;
        socket.superKind = superKind;
        return socket;
    }

    public Long getPk() {
        return pk;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    /** The kind's display label, e.g. {@code Image}, {@code Segmentation}, {@code Float}. */
    public String getKind() {
        return kind;
    }

    /** The raw super kind string as sent by the server. */
    public String getSuperKind() {
        return superKind;
    }

    /** The parsed super kind; clients must branch on this, never on {@link #getKind()}. */
    public SuperKind superKind() {
        return SuperKind.fromLabel(superKind);
    }

    public String getRelativePath() {
        return relativePath;
    }

    public JsonNode getDefaultValue() {
        return defaultValue;
    }

    public String getDescription() {
        return description;
    }

    /** Renders the socket as the platform does in its error messages: {@code Title (Kind)}. */
    public String describe() {
        return (title != null ? title : slug) + " (" + (kind != null ? kind : "unknown kind") + ")";
    }

    @Override
    public String toString() {
        return "Socket[" + slug + ", " + kind + ", " + superKind + "]";
    }
}
