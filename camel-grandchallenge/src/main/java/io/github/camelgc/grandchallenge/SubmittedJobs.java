package io.github.camelgc.grandchallenge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The jobs this component instance created or adopted (the most recent ones). A job consumer's first-start baseline
 * ("only jobs that finish from now on") must never swallow them: a job submitted by a route of the same application
 * can finish before the consumer's first poll completes, e.g. when that poll waits out a rate limit.
 */
public final class SubmittedJobs {

    /** Jobs remembered; far more than can finish during one consumer's first poll. */
    static final int CAPACITY = 10_000;

    private final Set<String> pks = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CAPACITY;
                }
            }));

    /** Records a job this component submitted. */
    public void add(String jobPk) {
        pks.add(jobPk);
    }

    /** Whether this component submitted the job (recently). */
    public boolean contains(String jobPk) {
        return pks.contains(jobPk);
    }
}
