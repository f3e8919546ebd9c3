package io.github.camelgc.grandchallenge.outputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.SocketValue;

/**
 * The names of a job's input images (usually the file names they were uploaded under), which output names are made
 * from. Remembered per job for the whole component: a job submitted by this process is named from what it uploaded
 * (no request at all), and any other job costs one image request per input once, never again for the same job.
 */
public final class InputNames {

    /** Jobs remembered; a finished job's names are needed once or twice shortly after it finished. */
    static final int CAPACITY = 10_000;

    private final Map<String, List<String>> names = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > CAPACITY;
                }
            });

    /** Remembers the input names of a job this process created. */
    public void remember(String jobPk, List<String> inputNames) {
        if (jobPk != null && inputNames != null && !inputNames.isEmpty()) {
            names.put(jobPk, List.copyOf(inputNames));
        }
    }

    /** The names of the job's input images, in input order (one image request per input the first time). */
    public List<String> of(GrandChallengeClient client, Job job) {
        List<String> known = names.get(job.pk());
        if (known != null) {
            return known;
        }
        List<String> fetched = new ArrayList<>();
        for (SocketValue input : job.inputs()) {
            if (input.image() != null) {
                fetched.add(client.image(input.image()).name());
            }
        }
        if (!fetched.isEmpty()) {
            names.put(job.pk(), List.copyOf(fetched));
        }
        return fetched;
    }
}
