package io.github.camelgc.grandchallenge.outputs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place output file names are made: a pattern (per socket, or the endpoint's default, or a header's
 * override) whose placeholders are filled with sanitised values.
 * <ul>
 * <li>{@code {job}}: the job id; {@code {socket}}: the output socket slug; {@code {name}}: the server's file name;
 * {@code {ext}}: its extension with the dot ({@code .mha}, {@code .nii.gz});</li>
 * <li>{@code {input}}: the name of the job's first input image without its extension, or the name a route set in
 * {@code CamelGrandChallengeInputName} (e.g. a dropped file); {@code {inputName}}: the same name whole (e.g. a case
 * folder, whose dots are not an extension); {@code {inputId}}: the first input image's id.</li>
 * </ul>
 * {@code /} in a pattern makes sub folders; every value is a single sanitised segment ({@link FileNames}), so nothing a
 * server or a file name says can leave the output folder. {@code {input}} is only looked up when a pattern uses it.
 *
 * @param defaultPattern the pattern for sockets without their own
 * @param socketPatterns patterns by socket slug
 */
public record OutputNaming(String defaultPattern, Map<String, String> socketPatterns) {

    /** The values of one job's placeholders; {@code input} is resolved on first use. */
    public record Values(String jobId, Supplier<String> input, String inputId) {
    }

    public OutputNaming {
        Map<String, String> bySlug = new LinkedHashMap<>();
        socketPatterns.forEach((socket, pattern) -> bySlug.put(slugOf(socket), pattern));
        socketPatterns = Map.copyOf(bySlug);
    }

    /**
     * Socket slugs are lower case with dashes; Camel's YAML DSL turns parameter keys with dashes into camel case
     * ({@code socketFileName.pulmonary-lobes} arrives as {@code pulmonaryLobes}), so keys are turned back.
     */
    static String slugOf(String key) {
        StringBuilder slug = new StringBuilder(key.length() + 4);
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                slug.append('-').append(Character.toLowerCase(c));
            } else {
                slug.append(c);
            }
        }
        return slug.toString();
    }

    /** A naming with one pattern for every socket. */
    public static OutputNaming of(String pattern) {
        return new OutputNaming(pattern, Map.of());
    }

    /** The same naming, with {@code pattern} replacing the default and every socket pattern. */
    public OutputNaming overriddenBy(String pattern) {
        return pattern == null || pattern.isBlank() ? this : of(pattern);
    }

    /** The relative file name of {@code item} (not yet checked against a folder: see {@link OutputFolderWriter}). */
    public String nameOf(OutputItem item, Values values) {
        String pattern = item.socket() == null ? defaultPattern
                : socketPatterns.getOrDefault(item.socket(), defaultPattern);
        Map<String, Supplier<String>> placeholders = new LinkedHashMap<>();
        placeholders.put("{job}", () -> FileNames.sanitize(values.jobId() == null ? "job" : values.jobId()));
        placeholders.put("{inputId}", () -> FileNames.sanitize(values.inputId() == null ? values.jobId() : values.inputId()));
        placeholders.put("{inputName}", () -> {
            String input = values.input() == null ? null : values.input().get();
            return FileNames.sanitize(input == null ? values.jobId() : input);
        });
        placeholders.put("{input}", () -> {
            String input = values.input() == null ? null : values.input().get();
            return input == null ? FileNames.sanitize(values.jobId()) : FileNames.stem(input);
        });
        placeholders.put("{socket}", () -> FileNames.sanitize(item.socket() == null ? "image" : item.socket()));
        placeholders.put("{name}", () -> FileNames.sanitize(item.fileName()));
        placeholders.put("{ext}", () -> FileNames.extension(item.fileName()));
        String name = pattern;
        for (Map.Entry<String, Supplier<String>> placeholder : placeholders.entrySet()) {
            if (name.contains(placeholder.getKey())) {
                name = name.replace(placeholder.getKey(), placeholder.getValue().get());
            }
        }
        return name;
    }
}
