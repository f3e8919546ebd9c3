package io.github.camelgc.emulator.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An algorithm and its active container image.
 *
 * @param imagePk pk of the active algorithm image, {@code null} when none is ready
 * @param builtIn name of the built-in algorithm that computes the outputs
 * @param users usernames allowed to view and execute it (besides editors)
 * @param editors usernames who edit it (and so may see its algorithm images)
 * @param requirements what a job of it needs, which sets its price in credits
 */
public record Algorithm(String pk, String slug, String title, String description, List<AlgorithmInterface> interfaces,
        String imagePk, String builtIn, boolean isPublic, Set<String> users, Set<String> editors, Instant created,
        Requirements requirements) {

    /**
     * The algorithm's job settings that price its jobs ({@code algorithms/models.py}).
     *
     * @param minimumCreditsPerJob {@code minimum_credits_per_job}, 20–1000 (default 20)
     * @param timeLimitSeconds {@code time_limit}, 300–86400 s (default 3600)
     * @param gpuType {@code job_requires_gpu_type}: {@code ""} (no GPU), {@code T4}, {@code A10G}, {@code V100},
     *     {@code K80}, {@code A100}
     * @param memoryGb {@code job_requires_memory_gb} (default 8)
     */
    public record Requirements(int minimumCreditsPerJob, int timeLimitSeconds, String gpuType, int memoryGb) {

        public static final Requirements DEFAULT = new Requirements(20, 3600, "", 8);
    }

    /** An algorithm with the platform's default job requirements. */
    public Algorithm(String pk, String slug, String title, String description, List<AlgorithmInterface> interfaces,
            String imagePk, String builtIn, boolean isPublic, Set<String> users, Set<String> editors, Instant created) {
        this(pk, slug, title, description, interfaces, imagePk, builtIn, isPublic, users, editors, created,
                Requirements.DEFAULT);
    }

    public boolean canView(User user) {
        return isPublic || canExecute(user);
    }

    public boolean canExecute(User user) {
        return user != null && (users.contains(user.username()) || editors.contains(user.username()));
    }

    public boolean isEditor(User user) {
        return user != null && editors.contains(user.username());
    }
}
