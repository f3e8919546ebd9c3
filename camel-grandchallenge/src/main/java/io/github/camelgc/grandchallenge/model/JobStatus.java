package io.github.camelgc.grandchallenge.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The job status strings of the platform (spec §9.3). The server's string is always kept on {@link Job}; this enum
 * only names the known ones, and anything unknown counts as "in progress".
 */
public enum JobStatus {
    VALIDATING_INPUTS("Validating inputs"),
    QUEUED("Queued"),
    STARTED("Started"),
    RE_QUEUED("Re-Queued"),
    PROVISIONING("Provisioning"),
    PROVISIONED("Provisioned"),
    EXECUTING("Executing"),
    EXECUTED("Executed"),
    PARSING_OUTPUTS("Parsing Outputs"),
    EXECUTING_ALGORITHM("Executing Algorithm"),
    EXTERNAL_EXECUTION_IN_PROGRESS("External Execution In Progress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    /** The exact string the server sends. */
    public String label() {
        return label;
    }

    /** Finds the status for a server string, case-insensitively. */
    public static Optional<JobStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(label)).findFirst();
    }

    /** Whether a server status string is final (Succeeded, Failed or Cancelled); unknown strings are not. */
    public static boolean isFinal(String label) {
        return fromLabel(label).map(s -> s == SUCCEEDED || s == FAILED || s == CANCELLED).orElse(false);
    }
}
