package io.github.camelgc.grandchallenge;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.camelgc.grandchallenge.GrandChallengeOperations.addCase;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.download;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.downloadOutputs;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.get;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.list;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.listImages;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.listItems;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.submit;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.updateItem;
import static io.github.camelgc.grandchallenge.GrandChallengeOperations.wait;

/** The resource an endpoint addresses (the URI path), with its operations and default operation. */
public enum GrandChallengeKind {
    JOB(submit, EnumSet.of(submit, get, list, wait, downloadOutputs)),
    ALGORITHM(get, EnumSet.of(get)),
    ARCHIVE(listImages, EnumSet.of(listImages, listItems, get, addCase, updateItem)),
    IMAGE(get, EnumSet.of(get, download));

    private final GrandChallengeOperations defaultOperation;
    private final Set<GrandChallengeOperations> operations;

    GrandChallengeKind(GrandChallengeOperations defaultOperation, Set<GrandChallengeOperations> operations) {
        this.defaultOperation = defaultOperation;
        this.operations = operations;
    }

    /** The operation used when neither the endpoint nor a header names one. */
    public GrandChallengeOperations defaultOperation() {
        return defaultOperation;
    }

    /** Whether this kind supports the operation. */
    public boolean supports(GrandChallengeOperations operation) {
        return operations.contains(operation);
    }

    /** The operations of this kind, comma-separated, for error messages. */
    public String describeOperations() {
        return operations.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Parses the URI path. */
    public static GrandChallengeKind fromPath(String path) {
        String value = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown grandchallenge endpoint kind '" + path + "'; expected one of job, algorithm, archive, image"));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
