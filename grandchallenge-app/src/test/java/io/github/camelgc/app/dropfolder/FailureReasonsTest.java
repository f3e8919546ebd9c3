package io.github.camelgc.app.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.github.camelgc.grandchallenge.GrandChallengeOutOfCreditsException;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeIoException;
import io.github.camelgc.grandchallenge.client.GrandChallengeNotFoundException;
import io.github.camelgc.grandchallenge.inputs.GrandChallengeInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReasonsTest {

    @Test
    void theServicesOwnRetryableFailuresSaySo() {
        assertThat(new InputIncompleteException("still being copied").isRetryable()).isTrue();
        assertThat(new DiskProblem("Cannot move x to .done/: No space left on device", null).isRetryable()).isTrue();
        assertThat(new GrandChallengeIoException("no response", new java.net.SocketTimeoutException("read timed out"))
                .isRetryable()).isTrue();
        assertThat(new GrandChallengeNotFoundException("No algorithm").isRetryable()).isFalse();
    }

    @Test
    void reasonsSayWhatToDo() {
        assertThat(FailureReasons.describe(new GrandChallengeNotFoundException("No algorithm with slug 'x'")))
                .contains("No algorithm with slug 'x'").contains("Check the algorithm or archive slug");
        assertThat(FailureReasons.describe(api(401))).contains("GRAND_CHALLENGE_AUTHORIZATION");
        assertThat(FailureReasons.describe(new GrandChallengeInputException("does not match any interface")))
                .startsWith("The platform's checks refused the inputs: does not match any interface");
        assertThat(FailureReasons.describe(new GrandChallengeOutOfCreditsException("lobes", java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, List.of("You have run out of algorithm credits"), true)))
                .contains("out of credits for algorithm 'lobes'", "rolling month", "editors");
    }

    @Test
    void ioFailuresAreWordedWithoutPaths(@TempDir Path work) {
        String input = work.resolve("inbox/x.mha").toString();
        assertThat(DiskProblem.describe(new java.nio.file.AccessDeniedException(input)))
                .isEqualTo("permission denied");
        assertThat(DiskProblem.describe(new java.nio.file.FileSystemException(input,
                work.resolve("inbox/.done/x.mha").toString(), "No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(DiskProblem.of("cannot move it to .done/", new java.nio.file.FileAlreadyExistsException(
                work.resolve("inbox/.done").toString())).getMessage()).doesNotContain(work.toString());
    }

    @Test
    void aTokenProblemIsNotTheInputsAndTheAdviceFitsTheFailure() {
        assertThat(FailureReasons.describe(api(401))).contains("restart").doesNotContain("input");
        assertThat(FailureReasons.describe(api(403))).contains("access");
        assertThat(FailureReasons.toTryAgain(new InputRejectedException("x", "To try again, do y.", null)))
                .isEqualTo("To try again, do y.");
        assertThat(FailureReasons.toTryAgain(new GrandChallengeInputException("refused")))
                .contains("fix the input");
        assertThat(FailureReasons.describe(new IllegalStateException("boom"))).doesNotContain("Exception");
    }

    private static GrandChallengeApiException api(int status) {
        return new GrandChallengeApiException("POST", "algorithms/jobs/", status, List.of("message"));
    }
}
