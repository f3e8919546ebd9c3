package io.github.camelgc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.emulator.fixture.FixtureLoader;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureTest {

    @TempDir
    Path dir;

    private static final String TOKEN = "0123456789abcdef".repeat(4);

    private Path fixture(String json) throws IOException {
        Path file = dir.resolve("fixture.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void customFixtureDrivesUsersSocketsAndAlgorithms() throws Exception {
        Path file = fixture("""
                {"users": [{"id": 7, "username": "alice", "token": "%s"}],
                 "sockets": [{"slug": "age", "title": "Age", "kind": "INT"}],
                 "algorithms": [{"slug": "echo", "title": "Echo", "builtin": "fail", "users": ["alice"],
                                 "interfaces": [{"inputs": ["age"], "outputs": ["age"]}]}]}
                """.formatted(TOKEN));
        try (GrandChallengeEmulator emulator = GrandChallengeEmulator.start(EmulatorConfig.defaults().fixture(file))) {
            ApiClient alice = new ApiClient(emulator.sslContext(), emulator.baseUrl(), emulator.token("alice"));
            assertThat(alice.get("algorithms/").json().get("results").get(0).get("slug").asText()).isEqualTo("echo");
            assertThat(alice.get("components/interfaces/").json().get("results").get(0).get("kind").asText())
                    .isEqualTo("Integer");
            assertThat(emulator.token("alice")).isEqualTo(TOKEN);
            assertThat(emulator.user("alice").toString()).doesNotContain(TOKEN);
        }
    }

    @Test
    void badFixturesAreRefusedNamingTheObjectAndTheProblem() throws Exception {
        Path shortToken = fixture("{\"users\": [{\"id\": 1, \"username\": \"bob\", \"token\": \"abc\"}]}");
        assertThatThrownBy(() -> FixtureLoader.apply(FixtureLoader.read(shortToken), new EmulatorState()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Fixture user 'bob' has an invalid token: expected 64 lowercase hex characters");
        Path unknownSocket = fixture("{\"algorithms\": [{\"slug\": \"a\", \"interfaces\": [{\"inputs\": [\"x\"]}]}]}");
        assertThatThrownBy(() -> FixtureLoader.apply(FixtureLoader.read(unknownSocket), new EmulatorState()))
                .hasMessageContaining("Fixture algorithm 'a' uses socket 'x'");
        Path unknownKind = fixture("{\"sockets\": [{\"slug\": \"s\", \"title\": \"S\", \"kind\": \"Banana\"}]}");
        assertThatThrownBy(() -> FixtureLoader.apply(FixtureLoader.read(unknownKind), new EmulatorState()))
                .hasMessageStartingWith("Unknown socket kind 'Banana'");
        Path notJson = fixture("{");
        assertThatThrownBy(() -> FixtureLoader.read(notJson)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not valid fixture JSON");
    }

    @Test
    void fixtureCreditsPriceJobsAndGrantCredits() throws Exception {
        Path file = fixture("""
                {"users": [{"id": 7, "username": "alice", "token": "%s", "credits_per_month": 100},
                           {"id": 8, "username": "carol", "token": "%s"}],
                 "sockets": [{"slug": "age", "title": "Age", "kind": "INT"}],
                 "algorithms": [{"slug": "gpu", "title": "Gpu", "builtin": "fail", "users": ["alice", "carol"],
                                 "job_requires_gpu_type": "A10G", "job_requires_memory_gb": 16,
                                 "interfaces": [{"inputs": ["age"], "outputs": ["age"]}]},
                                {"slug": "cpu", "title": "Cpu", "builtin": "fail", "users": ["alice", "carol"],
                                 "minimum_credits_per_job": 50, "time_limit": 600,
                                 "interfaces": [{"inputs": ["age"], "outputs": ["age"]}]}],
                 "algorithm_user_credits": [{"user": "carol", "algorithm": "gpu", "credits": 720,
                                             "valid_from": "2000-01-01", "valid_until": "2999-12-31"}]}
                """.formatted(TOKEN, "f".repeat(64)));
        try (GrandChallengeEmulator emulator = GrandChallengeEmulator.start(EmulatorConfig.defaults().fixture(file)
                .phantomCases(0))) {
            assertThat(emulator.remainingJobs("alice", "cpu")).as("her own 100 credits, 50 a job").isEqualTo(2);
            assertThat(emulator.remainingJobs("alice", "gpu")).as("A10G 16 GB: 180 credits a job").isZero();
            assertThat(emulator.remainingJobs("carol", "gpu")).as("the grant").isEqualTo(4);
            assertThat(emulator.remainingJobs("carol", "cpu")).as("the general pool").isEqualTo(20);
        }
        Path badGpu = fixture("""
                {"algorithms": [{"slug": "a", "job_requires_gpu_type": "H100", "interfaces": []}]}""");
        assertThatThrownBy(() -> FixtureLoader.apply(FixtureLoader.read(badGpu), new EmulatorState()))
                .hasMessageStartingWith("Fixture algorithm 'a': job_requires_gpu_type must be one of");
        Path lowMinimum = fixture("""
                {"algorithms": [{"slug": "a", "minimum_credits_per_job": 5, "interfaces": []}]}""");
        assertThatThrownBy(() -> FixtureLoader.apply(FixtureLoader.read(lowMinimum), new EmulatorState()))
                .hasMessage("Fixture algorithm 'a': minimum_credits_per_job must be 20-1000");
    }

    @Test
    void missingTrailingSlashOnGetIsRedirectedLikeDjango() throws Exception {
        try (GrandChallengeEmulator emulator = GrandChallengeEmulator.start(EmulatorConfig.defaults().phantomCases(0))) {
            ApiClient client = new ApiClient(emulator.sslContext(), emulator.baseUrl(), emulator.token("demo"));
            ApiClient.Answer answer = client.get("algorithms?slug=x");
            assertThat(answer.status()).isEqualTo(301);
            assertThat(answer.header("Location")).isEqualTo("/api/v1/algorithms/?slug=x");
        }
    }
}
