package io.github.camelgc.emulator.model;

/** Job status display strings, exactly as the API sends them (spec §9.3). */
public enum JobStatus {
    VALIDATING_INPUTS("Validating inputs"), QUEUED("Queued"), PROVISIONED("Provisioned"),
    EXECUTING("Executing"), EXECUTED("Executed"), SUCCEEDED("Succeeded"), FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String display;

    JobStatus(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Parses a display string such as {@code "Executing"}. */
    public static JobStatus parse(String display) {
        for (JobStatus status : values()) {
            if (status.display.equalsIgnoreCase(display) || status.name().equalsIgnoreCase(display)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown job status '" + display
                + "': expected one of Validating inputs, Queued, Provisioned, Executing, Executed, Succeeded, Failed, Cancelled");
    }
}
