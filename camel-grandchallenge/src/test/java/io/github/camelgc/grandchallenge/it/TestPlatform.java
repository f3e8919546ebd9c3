package io.github.camelgc.grandchallenge.it;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import io.github.camelgc.emulator.model.Upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the integration tests need from the emulator, named after the test's intent. */
final class TestPlatform {

    private static final java.util.concurrent.atomic.AtomicInteger HEIGHTS = new java.util.concurrent.atomic.AtomicInteger();

    private final GrandChallengeEmulatorExtension gc;
    private Instant since = Instant.EPOCH;
    private java.util.Set<String> imagesBefore = java.util.Set.of();

    TestPlatform(GrandChallengeEmulatorExtension gc) {
        this.gc = gc;
    }

    String token() {
        return gc.token("demo");
    }

    /** One image input ({@code generic-medical-image}) producing an image output. */
    String algorithm() {
        return "pulmonary-lobe-segmentation";
    }

    String imageInput() {
        return "generic-medical-image";
    }

    /** A second single-image algorithm, to reuse an image without the platform's duplicate check. */
    String otherAlgorithm() {
        return "pulmonary-lobe-segmentation-for-covid-19-ct-scans";
    }

    /** Two interfaces: a Value socket alone, or with a File socket. */
    String multiAlgorithm() {
        return "lung-volume-estimator";
    }

    /** Inputs of the multi-socket interface: a Value and a JSON value for a File socket. */
    Map<String, Object> multiInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        // a fresh value every time: equal values would hit the platform's duplicate-inputs check
        inputs.put("patient-height", 150 + HEIGHTS.incrementAndGet() / 100.0);
        inputs.put("clinical-information", Map.of("smoker", false, "age", 61));
        return inputs;
    }

    String archive() {
        return "coronacasesorg";
    }

    String archiveSocket() {
        return "generic-medical-image";
    }

    int archiveItemCount() {
        return (int) gc.state().archiveItems().size();
    }

    /** Forgets earlier requests and uploads, so counts refer to what the test does next. */
    void clearRequests() {
        gc.requestLog().clear();
        since = Instant.now();
        imagesBefore = gc.state().images().stream().map(i -> i.pk()).collect(java.util.stream.Collectors.toSet());
    }

    /** Requests with this method whose path contains {@code pathPart}. */
    long count(String method, String pathPart) {
        return gc.requestLog().count(e -> e.method().equals(method) && e.path().contains(pathPart));
    }

    /**
     * Asserts an exact request count. The emulator logs a request after answering it, so the entry of the last
     * request may land a moment after the client got its answer: wait for it briefly.
     */
    void assertCount(String method, String pathPart, long expected) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count(method, pathPart))
                .as(method + " *" + pathPart + "*").isEqualTo(expected));
    }

    void assertPartPuts(long expected) {
        assertCount("PUT", "/storage/uploads/", expected);
    }

    /**
     * Waits until files of these names were uploaded since the last {@link #clearRequests()}. The platform deletes an
     * upload once its image is imported, so a name counts when it is still an upload or already a new image's name.
     */
    void awaitUploaded(String... names) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(uploadedNames()).contains(names));
    }

    private List<String> uploadedNames() {
        List<String> names = new java.util.ArrayList<>(gc.state().uploads(u -> !u.created().isBefore(since)).stream()
                .map(Upload::filename).toList());
        gc.state().images().stream().filter(i -> !imagesBefore.contains(i.pk())).map(i -> i.name()).forEach(names::add);
        return names;
    }

    long tooManyJobsRejections() {
        return gc.requestLog().count(e -> e.method().equals("POST") && e.path().endsWith("/algorithms/jobs/")
                                          && e.status() == 400);
    }

    /** Response bytes of the most recent jobs list request: what one consumer poll costs. */
    long lastJobListResponseBytes() {
        return gc.requestLog().entries().stream()
                .filter(e -> e.method().equals("GET") && e.path().endsWith("/algorithms/jobs/"))
                .reduce((a, b) -> b).map(e -> e.responseBytes()).orElseThrow();
    }
}
