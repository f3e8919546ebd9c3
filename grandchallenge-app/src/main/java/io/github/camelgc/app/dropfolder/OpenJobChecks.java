package io.github.camelgc.app.dropfolder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Which of the service's open jobs to look up on the platform now. The job consumer sees only the jobs in the
 * platform's list; a job that is no longer there (the platform was reset or replaced behind the same address, the
 * token now belongs to another user) would leave its input in {@code .done/} for good. So every open job is looked
 * up once per {@code interval}, the first time {@code interval} after this service first saw it open (a job just
 * submitted is obviously there): a 404 then resolves it at once ({@link DropFolder#jobGone}). At most
 * {@link #MAX_PER_CHECK} lookups per check spread a large backlog over several checks.
 */
public class OpenJobChecks {

    /** Lookups per check at most. */
    static final int MAX_PER_CHECK = 100;

    private final DropFolder dropFolder;
    private final Duration interval;
    private final Clock clock;
    /** Job id → when it is looked up next; only open jobs are kept. */
    private final Map<String, Long> nextCheck = new HashMap<>();

    public OpenJobChecks(DropFolder dropFolder, Duration interval, Clock clock) {
        this.dropFolder = dropFolder;
        this.interval = interval;
        this.clock = clock;
    }

    /** The ids of the open jobs due for a lookup (the body the route splits). */
    public synchronized List<String> due() {
        long now = clock.millis();
        List<String> open = dropFolder.openJobs();
        nextCheck.keySet().retainAll(new HashSet<>(open));
        List<String> due = new ArrayList<>();
        for (String job : open) {
            long next = nextCheck.computeIfAbsent(job, j -> now + interval.toMillis());
            if (next <= now && due.size() < MAX_PER_CHECK) {
                due.add(job);
                nextCheck.put(job, now + interval.toMillis());
            }
        }
        return due;
    }
}
