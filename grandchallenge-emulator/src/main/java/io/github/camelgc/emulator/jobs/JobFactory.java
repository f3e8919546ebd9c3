package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.api.Hyperlinks;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.AlgorithmInterface;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.state.EmulatorState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Job creation with the platform's validation order and messages (spec §9.5). */
public final class JobFactory {

    private final EmulatorState state;
    private final InputParser parser;
    private final ValueFactory values;
    private final JobRunner runner;
    private final int maxActiveJobs;
    private final Clock clock;

    public JobFactory(EmulatorState state, InputParser parser, ValueFactory values, JobRunner runner,
            int maxActiveJobs, Clock clock) {
        this.state = state;
        this.parser = parser;
        this.values = values;
        this.runner = runner;
        this.maxActiveJobs = maxActiveJobs;
        this.clock = clock;
    }

    /**
     * Validates the POST body, creates the job and starts it. The response is rendered by {@code snapshot}
     * before the runner may advance the job: the platform answers with the job as created
     * ("Validating inputs", immediate inputs only), however fast the job then runs.
     */
    public <T> T create(JsonNode body, User user, Function<Job, T> snapshot) {
        Map<String, Object> fieldErrors = new LinkedHashMap<>();
        Algorithm algorithm = algorithm(body.get("algorithm"), user, fieldErrors);
        List<ParsedInput> inputs = null;
        try {
            inputs = parser.parse(body.get("inputs"), user, "inputs");
        } catch (ApiError e) {
            @SuppressWarnings("unchecked")
            Map<String, Object> errors = (Map<String, Object>) e.body();
            fieldErrors.putAll(errors);
        }
        if (!fieldErrors.isEmpty()) {
            throw ApiError.of(400, fieldErrors);
        }
        synchronized (this) {
            // Serialised so two concurrent posts cannot both pass the active-jobs and duplicate checks.
            if (algorithm.imagePk() == null) {
                throw ApiError.nonField("Algorithm image is not ready to be used");
            }
            long active = state.jobs().stream()
                    .filter(j -> j.creatorId() == user.id() && !j.status().isTerminal()).count();
            if (active >= maxActiveJobs) {
                throw ApiError.nonField("You have too many active jobs, please try again after they have completed");
            }
            Set<String> given = new HashSet<>();
            inputs.forEach(i -> given.add(i.socket().slug()));
            if (algorithm.interfaces().stream().noneMatch(i -> new HashSet<>(i.inputs()).equals(given))
                    || given.size() != inputs.size()) {
                throw ApiError.nonField(interfaceMismatch(algorithm));
            }
            if (inputs.stream().allMatch(ParsedInput::immediate) && duplicate(algorithm, inputs)) {
                throw ApiError.nonField("A result for these inputs with the current image and model already exists.");
            }
            for (ParsedInput input : inputs) {
                // A target-less session feeds exactly one job or item: the first to claim it.
                if (input.session() != null && !input.session().claim()) {
                    throw ApiError.of(400, Map.of("inputs", List.of(Map.of("upload_session",
                            List.of(Hyperlinks.OBJECT_DOES_NOT_EXIST)))));
                }
            }
            Job job = new Job(EmulatorState.newUuid(), algorithm, algorithm.imagePk(), user.id(), clock.instant());
            List<ParsedInput> pending = new ArrayList<>();
            for (ParsedInput input : inputs) {
                if (input.immediate()) {
                    job.addInput(values.immediate(input));
                } else {
                    pending.add(input);
                }
            }
            state.addJob(job);
            T response = snapshot.apply(job);
            runner.submit(job, pending);
            return response;
        }
    }

    private Algorithm algorithm(JsonNode link, User user, Map<String, Object> errors) {
        if (link == null || link.isNull()) {
            errors.put("algorithm", List.of("This field is required."));
            return null;
        }
        try {
            Algorithm algorithm = state.algorithm(Hyperlinks.pk(link, "algorithms")).filter(a -> a.canExecute(user))
                    .orElse(null);
            if (algorithm == null) {
                errors.put("algorithm", List.of(Hyperlinks.OBJECT_DOES_NOT_EXIST));
            }
            return algorithm;
        } catch (Hyperlinks.InvalidHyperlink e) {
            errors.put("algorithm", List.of(e.getMessage()));
            return null;
        }
    }

    /** Any job (any user, any status) of the same algorithm image with exactly the same reused inputs. */
    private boolean duplicate(Algorithm algorithm, List<ParsedInput> inputs) {
        for (Job job : state.jobs()) {
            if (!job.algorithmImagePk().equals(algorithm.imagePk()) || job.inputs().size() != inputs.size()) {
                continue;
            }
            boolean same = true;
            for (ParsedInput input : inputs) {
                same &= job.inputs().stream().anyMatch(v -> matches(v, input));
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(SocketValue existing, ParsedInput input) {
        if (!existing.socket().slug().equals(input.socket().slug())) {
            return false;
        }
        return input.source() == ParsedInput.Source.IMAGE
                ? input.image().pk().equals(existing.imagePk())
                : existing.value() != null && Objects.equals(existing.value(), input.value());
    }

    private String interfaceMismatch(Algorithm algorithm) {
        List<String> combos = new ArrayList<>();
        int n = 1;
        for (AlgorithmInterface i : algorithm.interfaces()) {
            List<String> sockets = new ArrayList<>();
            for (String slug : i.inputs()) {
                Socket socket = state.socket(slug).orElseThrow();
                sockets.add(socket.title() + " (" + socket.kind().label() + ")");
            }
            combos.add("Interface " + n++ + ": " + join(sockets));
        }
        return "The set of inputs provided does not match any of the algorithm's interfaces. "
                + "This algorithm supports the following input combinations: " + join(combos);
    }

    /** Django's list rendering: "a", "a and b", "a, b, and c". */
    static String join(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }
}
