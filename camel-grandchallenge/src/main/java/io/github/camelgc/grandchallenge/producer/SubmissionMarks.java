package io.github.camelgc.grandchallenge.producer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.grandchallenge.state.JsonState;

/**
 * Submissions in flight, in the submission repository: a mark is written before a job is posted and updated once the
 * platform answered, so an attempt after a crash or a lost answer knows what the earlier one did.
 * <ul>
 * <li>{@code uploading}: no job yet; {@code uploads} lists the uploads created so far, which a later attempt aborts
 * (a crash mid-upload would otherwise leave their parts on the platform);</li>
 * <li>{@code posting}: the job may or may not exist; it is one of the jobs created since {@code since} (the
 * algorithm's job count just before uploading) whose inputs carry {@code names};</li>
 * <li>{@code created}: the job is {@code job}.</li>
 * </ul>
 * The mark is cleared when the exchange that submitted completed.
 */
final class SubmissionMarks {

    /** An upload an attempt created: its pk and S3 upload id (both needed to abort it). */
    record StartedUpload(String pk, String s3UploadId) {
    }

    /** What an earlier attempt left. */
    record Mark(String phase, long since, List<String> names, List<StartedUpload> uploads, String job, long at) {

        boolean created() {
            return "created".equals(phase);
        }

        boolean uploading() {
            return "uploading".equals(phase);
        }
    }

    private final JsonState state;
    private final Clock clock;

    SubmissionMarks(JsonState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    Optional<Mark> find(String key) {
        return state.get(stateKey(key)).map(node -> {
            List<String> names = new java.util.ArrayList<>();
            node.path("names").forEach(n -> names.add(n.asText()));
            List<StartedUpload> uploads = new java.util.ArrayList<>();
            node.path("uploads").forEach(u -> uploads.add(new StartedUpload(u.path("pk").asText(),
                    u.path("s3").asText())));
            return new Mark(node.path("phase").asText(), node.path("since").asLong(), names, uploads,
                    node.path("job").asText(null), node.path("at").asLong());
        });
    }

    /** Uploads are about to start; {@code uploads} are the ones created so far. */
    void uploading(String key, long since, List<String> names, List<StartedUpload> uploads) {
        ObjectNode node = mark("uploading", since, names);
        ArrayNode list = node.putArray("uploads");
        uploads.forEach(u -> list.addObject().put("pk", u.pk()).put("s3", u.s3UploadId()));
        state.put(stateKey(key), node);
    }

    /** The uploads are complete; the job is about to be posted. */
    void posting(String key, long since, List<String> names) {
        state.put(stateKey(key), mark("posting", since, names));
    }

    private ObjectNode mark(String phase, long since, List<String> names) {
        ObjectNode node = JsonState.object().put("phase", phase).put("since", since).put("at", clock.millis());
        ArrayNode list = node.putArray("names");
        names.forEach(list::add);
        return node;
    }

    void created(String key, String jobPk) {
        state.put(stateKey(key), JsonState.object().put("phase", "created").put("job", jobPk).put("at", clock.millis()));
    }

    void clear(String key) {
        state.clear(stateKey(key));
    }

    private static String stateKey(String key) {
        return "submission|" + key;
    }
}
