package io.github.camelgc.emulator.jobs;

import io.github.camelgc.emulator.model.Algorithm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * What one job of an algorithm costs in credits ({@code Job.init_credits_consumed} and
 * {@code Algorithm.credits_per_job}, {@code algorithms/models.py}): the hourly price of the cheapest SageMaker
 * instance that fits the job ({@code components/backends/amazon_sagemaker_base.py}, with tax and the USD→EUR rate
 * of {@code settings.py}) over the time limit, in credits rounded to tens, at least the per-job share of the monthly
 * pool and at least the algorithm's minimum. With the defaults (no GPU, 8 GB, 1 h) a job costs 20 credits.
 */
public final class JobCost {

    static final double TAX_RATE = 0.21;
    static final double USD_TO_EUR = 0.92472705;
    static final int CENTS_PER_MONTH = 1000;
    static final int MAX_GENERAL_JOBS_PER_MONTH = 50;

    /** An instance type the platform may pick: single-GPU or CPU-only, with its price excluding tax. */
    private record Instance(String gpuType, double memoryGb, int usdCentsPerHour) {
    }

    // Instances with more than one GPU are never chosen (jobs use at most one); none of the A100 instances qualify.
    private static final List<Instance> INSTANCES = List.of(
            new Instance("", 8, 14), new Instance("", 16, 18), new Instance("", 32, 36), new Instance("", 64, 72),
            new Instance("", 128, 143), new Instance("", 256, 285), new Instance("", 384, 426),
            new Instance("", 512, 569), new Instance("", 768, 853), new Instance("", 1536, 1706),
            new Instance("V100", 61, 414), new Instance("K80", 61, 122),
            new Instance("A10G", 16, 157), new Instance("A10G", 32, 169), new Instance("A10G", 64, 227),
            new Instance("A10G", 128, 342), new Instance("A10G", 256, 572),
            new Instance("T4", 16, 83), new Instance("T4", 32, 105), new Instance("T4", 64, 168),
            new Instance("T4", 128, 304), new Instance("T4", 256, 607));

    private JobCost() {
    }

    /**
     * @param generalCreditsPerMonth {@code ALGORITHMS_GENERAL_CREDITS_PER_MONTH_PER_USER}
     * @throws IllegalStateException when no instance fits (the platform's {@code ValueError}, a 500)
     */
    public static int creditsPerJob(Algorithm.Requirements job, int generalCreditsPerMonth) {
        double overallMinimum = (double) generalCreditsPerMonth / MAX_GENERAL_JOBS_PER_MONTH;
        Instance instance = INSTANCES.stream()
                .filter(i -> i.gpuType().equals(job.gpuType()) && i.memoryGb() >= job.memoryGb())
                .min(Comparator.comparingInt(Instance::usdCentsPerHour))
                .orElseThrow(() -> new IllegalStateException("No suitable instance types for job"));
        double maximumCents = (job.timeLimitSeconds() / 3600.0) * instance.usdCentsPerHour() * (1 + TAX_RATE)
                * USD_TO_EUR;
        // Python's round(x, -1): exact value, ties to even.
        double rounded = new BigDecimal(maximumCents * generalCreditsPerMonth / CENTS_PER_MONTH)
                .setScale(-1, RoundingMode.HALF_EVEN).doubleValue();
        double credits = Math.max((long) rounded, overallMinimum);
        return (int) Math.max(job.minimumCreditsPerJob(), credits);
    }
}
