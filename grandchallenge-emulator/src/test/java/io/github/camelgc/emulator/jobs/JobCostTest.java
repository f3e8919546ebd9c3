package io.github.camelgc.emulator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelgc.emulator.model.Algorithm.Requirements;
import org.junit.jupiter.api.Test;

/** {@code Job.init_credits_consumed} ({@code algorithms/models.py}) with the settings' defaults. */
class JobCostTest {

    private static int cost(int minimum, int seconds, String gpu, int memory, int pool) {
        return JobCost.creditsPerJob(new Requirements(minimum, seconds, gpu, memory), pool);
    }

    @Test
    void theCheapestFittingInstanceOverTheTimeLimitInCreditsRoundedToTens() {
        assertThat(cost(20, 3600, "", 8, 1000)).as("ml.m7i.large: 15.7 cents").isEqualTo(20);
        assertThat(cost(20, 3600, "T4", 8, 1000)).as("ml.g4dn.xlarge: 92.9 cents").isEqualTo(90);
        assertThat(cost(20, 3600, "A10G", 32, 1000)).as("ml.g5.2xlarge: 189.1 cents").isEqualTo(190);
        assertThat(cost(20, 86400, "", 32, 1000)).as("ml.r7i.xlarge for 24 h: 966.8 cents").isEqualTo(970);
        assertThat(cost(20, 300, "T4", 8, 1000)).as("at least the pool's fiftieth").isEqualTo(20);
    }

    @Test
    void theAlgorithmsMinimumAndThePoolsShareAreFloors() {
        assertThat(cost(100, 3600, "", 8, 1000)).isEqualTo(100);
        assertThat(cost(20, 3600, "", 8, 5000)).as("78.3 -> 80, but the fiftieth of 5000 is 100").isEqualTo(100);
        assertThat(cost(20, 3600, "", 8, 0)).isEqualTo(20);
    }

    @Test
    void noSingleGpuInstanceHasAnA100() {
        assertThatThrownBy(() -> cost(20, 3600, "A100", 8, 1000)).isInstanceOf(IllegalStateException.class)
                .hasMessage("No suitable instance types for job");
    }
}
