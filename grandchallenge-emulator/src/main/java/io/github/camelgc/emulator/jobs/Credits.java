package io.github.camelgc.emulator.jobs;

import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.state.EmulatorState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Algorithm credits ({@code AlgorithmImage.get_remaining_jobs} and friends, {@code algorithms/models.py}): a job
 * is refused with "You have run out of algorithm credits" when the caller has fewer than one job left. Every job
 * costs its {@link JobCost} at creation, whatever its outcome. A user spends either a credit grant for the
 * algorithm ({@code AlgorithmUserCredit}, valid between two dates) or the general pool of
 * {@code ALGORITHMS_GENERAL_CREDITS_PER_MONTH_PER_USER} credits over the last calendar month; editors of an
 * algorithm share 5 complimentary jobs per algorithm image that cost nothing. The platform has one pool size for all
 * users; the emulator lets each user have their own (for tests that run a user out of credits).
 */
public final class Credits {

    /** {@code ALGORITHM_IMAGES_COMPLIMENTARY_EDITOR_JOBS}. */
    public static final int COMPLIMENTARY_EDITOR_JOBS = 5;

    /**
     * A credit grant for one user and algorithm ({@code AlgorithmUserCredit}), valid on the days from
     * {@code validFrom} to {@code validUntil} inclusive (UTC).
     */
    public record Grant(String username, String algorithmSlug, int credits, LocalDate validFrom, LocalDate validUntil) {

        boolean activeOn(LocalDate day) {
            return !validFrom.isAfter(day) && !validUntil.isBefore(day);
        }
    }

    /** What a new job costs: nothing when complimentary, its credits otherwise (recorded either way). */
    public record Charge(int credits, boolean complimentary) {
    }

    private final EmulatorState state;
    private final Clock clock;
    private final int generalCreditsPerMonth;
    private final Map<String, Integer> monthlyCredits = new ConcurrentHashMap<>();
    private final List<Grant> grants = new CopyOnWriteArrayList<>();

    public Credits(EmulatorState state, Clock clock, int generalCreditsPerMonth) {
        this.state = state;
        this.clock = clock;
        this.generalCreditsPerMonth = generalCreditsPerMonth;
    }

    /** A user's monthly pool: the general setting unless {@link #setMonthlyCredits} gave them their own. */
    public int monthlyCredits(String username) {
        return monthlyCredits.getOrDefault(username, generalCreditsPerMonth);
    }

    /** Gives one user a monthly pool of their own (0 runs them out of credits; raising it gives credits back). */
    public void setMonthlyCredits(String username, int credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("Credits cannot be negative, got " + credits);
        }
        monthlyCredits.put(username, credits);
    }

    /** Adds or replaces the user's grant for the algorithm (one per user and algorithm, as on the platform). */
    public void grant(Grant grant) {
        if (grant.validUntil().isBefore(grant.validFrom())) {
            throw new IllegalArgumentException("A credit grant's valid_until must not be before its valid_from");
        }
        grants.removeIf(g -> g.username().equals(grant.username()) && g.algorithmSlug().equals(grant.algorithmSlug()));
        grants.add(grant);
    }

    public List<Grant> grants() {
        return List.copyOf(grants);
    }

    /** Credits one job of the algorithm costs. */
    public int creditsPerJob(Algorithm algorithm) {
        return JobCost.creditsPerJob(algorithm.requirements(), generalCreditsPerMonth);
    }

    /** Jobs the user may still start with the algorithm's active image (credits, then complimentary jobs). */
    public long remainingJobs(User user, Algorithm algorithm) {
        long paid = Math.max(creditsLeft(user, algorithm), 0) / Math.max(creditsPerJob(algorithm), 1);
        return paid + remainingComplimentaryJobs(user, algorithm);
    }

    /** The user's credits for the algorithm: what is left of its grant, else of the general pool. */
    public long creditsLeft(User user, Algorithm algorithm) {
        Optional<Grant> grant = activeGrant(user, algorithm.slug());
        if (grant.isPresent()) {
            Grant g = grant.get();
            long spent = state.jobs().stream()
                    .filter(j -> j.creatorId() == user.id() && !j.complimentary()
                            && j.algorithm().slug().equals(g.algorithmSlug()))
                    .filter(j -> g.activeOn(LocalDate.ofInstant(j.created(), ZoneOffset.UTC)))
                    .mapToLong(Job::creditsConsumed).sum();
            return g.credits() - spent;
        }
        return remainingGeneralCredits(user);
    }

    /** The general pool minus what the user's jobs created in the last month spent (jobs under a grant excluded). */
    public long remainingGeneralCredits(User user) {
        if (user == null) {
            return 0;
        }
        Instant since = clock.instant().atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
        long spent = state.jobs().stream()
                .filter(j -> j.creatorId() == user.id() && !j.complimentary() && !j.created().isBefore(since))
                .filter(j -> activeGrant(user, j.algorithm().slug()).isEmpty())
                .mapToLong(Job::creditsConsumed).sum();
        return monthlyCredits(user.username()) - spent;
    }

    /** Editors share {@value #COMPLIMENTARY_EDITOR_JOBS} free jobs per algorithm image; others have none. */
    public long remainingComplimentaryJobs(User user, Algorithm algorithm) {
        if (!algorithm.isEditor(user)) {
            return 0;
        }
        long used = state.jobs().stream()
                .filter(j -> j.complimentary() && algorithm.imagePk() != null
                        && algorithm.imagePk().equals(j.algorithmImagePk())).count();
        return Math.max(COMPLIMENTARY_EDITOR_JOBS - used, 0);
    }

    /** The charge of a job the user creates now ({@code init_is_complimentary}, {@code init_credits_consumed}). */
    public Charge charge(User user, Algorithm algorithm) {
        return new Charge(creditsPerJob(algorithm), remainingComplimentaryJobs(user, algorithm) > 0);
    }

    private Optional<Grant> activeGrant(User user, String algorithmSlug) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return grants.stream().filter(g -> g.username().equals(user.username())
                && g.algorithmSlug().equals(algorithmSlug) && g.activeOn(today)).findFirst();
    }
}
