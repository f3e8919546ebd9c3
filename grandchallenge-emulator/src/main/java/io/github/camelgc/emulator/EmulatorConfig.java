package io.github.camelgc.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one emulator. Defaults suit tests: free ports, loopback only, the default fixture, a temp
 * storage folder and no job delays.
 */
public final class EmulatorConfig {

    private String host = "127.0.0.1";
    private int httpsPort;
    private int httpPort = -1;
    private Path fixture;
    private Path storageDir;
    private Duration jobStepDelay = Duration.ZERO;
    private int jobWorkers = 2;
    private int maxActiveJobsPerUser = 16;
    private long uploadQuotaBytes = 128L << 30;
    private boolean admin;
    private int phantomCases = 3;
    private Path keystore;
    private int creditsPerMonth = 1000;
    private final Map<String, Integer> userCredits = new LinkedHashMap<>();
    private Clock clock;

    public static EmulatorConfig defaults() {
        return new EmulatorConfig();
    }

    /** Interface to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} for all). */
    public EmulatorConfig host(String value) {
        host = value;
        return this;
    }

    /** HTTPS port; 0 (default) picks a free port. */
    public EmulatorConfig httpsPort(int value) {
        httpsPort = value;
        return this;
    }

    /** Plain HTTP port; 0 picks a free port, negative (default) disables plain HTTP. */
    public EmulatorConfig httpPort(int value) {
        httpPort = value;
        return this;
    }

    /** A fixture JSON file; {@code null} (default) loads the built-in default fixture. */
    public EmulatorConfig fixture(Path value) {
        fixture = value;
        return this;
    }

    /** Where uploaded parts and images are stored; {@code null} (default) uses a fresh temp folder. */
    public EmulatorConfig storageDir(Path value) {
        storageDir = value;
        return this;
    }

    /** How long a job stays in each state before moving on (default zero). */
    public EmulatorConfig jobStepDelay(Duration value) {
        jobStepDelay = value;
        return this;
    }

    /** Size of the job worker pool (default 2). */
    public EmulatorConfig jobWorkers(int value) {
        jobWorkers = value;
        return this;
    }

    /** The platform's {@code ALGORITHMS_MAX_ACTIVE_JOBS_PER_USER} (default 16). */
    public EmulatorConfig maxActiveJobsPerUser(int value) {
        maxActiveJobsPerUser = value;
        return this;
    }

    /** Upload bytes per user before "Upload limit reached" (default 128 GiB, verified users). */
    public EmulatorConfig uploadQuotaBytes(long value) {
        uploadQuotaBytes = value;
        return this;
    }

    /** Whether the {@code /admin/} endpoints (request log, faults, job controls) are served. */
    public EmulatorConfig admin(boolean value) {
        admin = value;
        return this;
    }

    /** How many synthetic CT cases the default fixture's archive gets (default 3). */
    public EmulatorConfig phantomCases(int value) {
        phantomCases = value;
        return this;
    }

    /**
     * A PKCS12 file to keep the TLS key and certificate in between starts: read when it exists, created otherwise
     * (see {@link io.github.camelgc.emulator.server.TlsMaterial#loadOrCreate(Path)}). {@code null} (default):
     * a new certificate at every start.
     */
    public EmulatorConfig keystore(Path value) {
        keystore = value;
        return this;
    }

    /**
     * The platform's {@code ALGORITHMS_GENERAL_CREDITS_PER_MONTH_PER_USER} (default 1000): every user's credits over
     * the last month, unless they have their own ({@link #userCredits}) or a grant for the algorithm. A default job
     * costs 20, so 50 jobs a month; prices scale with this setting, so raising it does not buy more jobs.
     */
    public EmulatorConfig creditsPerMonth(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("creditsPerMonth cannot be negative, got " + value);
        }
        creditsPerMonth = value;
        return this;
    }

    /**
     * One user's own monthly credits, priced at the general setting (emulator-only: the platform has one pool size
     * for everyone); 0 runs them out, a large number lets them run more than 50 jobs a month.
     */
    public EmulatorConfig userCredits(String username, int credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("Credits cannot be negative, got " + credits);
        }
        userCredits.put(username, credits);
        return this;
    }

    /** The clock the platform's "now" starts from (default the system clock); see {@code advanceClock}. */
    public EmulatorConfig clock(Clock value) {
        clock = value;
        return this;
    }

    public int creditsPerMonth() {
        return creditsPerMonth;
    }

    public Map<String, Integer> userCredits() {
        return Map.copyOf(userCredits);
    }

    public Clock clock() {
        return clock;
    }

    public String host() {
        return host;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path fixture() {
        return fixture;
    }

    public Path storageDir() {
        return storageDir;
    }

    public Duration jobStepDelay() {
        return jobStepDelay;
    }

    public int jobWorkers() {
        return jobWorkers;
    }

    public int maxActiveJobsPerUser() {
        return maxActiveJobsPerUser;
    }

    public long uploadQuotaBytes() {
        return uploadQuotaBytes;
    }

    public boolean admin() {
        return admin;
    }

    public int phantomCases() {
        return phantomCases;
    }

    public Path keystore() {
        return keystore;
    }
}
