package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.junit.GrandChallengeEmulatorExtension;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The platform down for a while and back with its state; a server that acted before its answer was sent. */
class RestartAndAnswerDelayTest {

    @RegisterExtension
    GrandChallengeEmulatorExtension gc = GrandChallengeEmulatorExtension.builder().build();

    private ApiClient demo() {
        return new ApiClient(gc.sslContext(), gc.baseUrl(), gc.token("demo"));
    }

    @Test
    void pausedEmulatorRefusesConnectionsAndResumesOnTheSamePortWithItsState() {
        String baseUrl = gc.baseUrl();
        assertThat(demo().post("uploads/", Map.of("filename", "kept.mha")).status()).isEqualTo(201);

        gc.emulator().pause();
        assertThatThrownBy(() -> demo().get("gcapi/")).isInstanceOf(UncheckedIOException.class);
        assertThat(gc.baseUrl()).as("the port is kept while paused").isEqualTo(baseUrl);

        gc.emulator().resume();
        assertThat(gc.baseUrl()).isEqualTo(baseUrl);
        ApiClient.Answer uploads = demo().get("uploads/");
        assertThat(uploads.status()).isEqualTo(200);
        assertThat(uploads.json().get("count").asInt()).as("state survived the restart").isEqualTo(1);

        gc.emulator().restart();
        assertThat(demo().get("uploads/").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void answerDelayActsFirstAndAnswersLater() {
        gc.faults().add(FaultRule.matching("POST", "/api/v1/uploads/").answerDelay(Duration.ofSeconds(2)).build());
        CompletableFuture<ApiClient.Answer> answer = CompletableFuture.supplyAsync(
                () -> demo().post("uploads/", Map.of("filename", "early.mha")));

        await().atMost(Duration.ofSeconds(10)).until(() -> !gc.emulator().state().uploads(u -> true).isEmpty());
        assertThat(answer).as("the upload exists while its answer is still held back").isNotDone();
        assertThat(answer.join().status()).isEqualTo(201);
    }
}
