package io.github.camelgc.emulator.jobs;

import io.github.camelgc.emulator.images.UploadSessions;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.AlgorithmInterface;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.Socket;
import io.github.camelgc.emulator.model.SocketValue;
import io.github.camelgc.emulator.model.UploadSession;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.ServerError;
import io.github.camelgc.emulator.state.EmulatorState;
import io.github.camelgc.emulator.state.JsonValues;
import io.github.camelgc.emulator.values.ParsedInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Job creation after the request's fields were read: {@code JobPostSerializer.validate} and {@code create}
 * ({@code algorithms/serializers.py}) with their checks in order: image ready, credits, active jobs, interface,
 * duplicate; then the job is created with its charge and its synchronous inputs (socket values reused), an upload
 * session is created for each {@code user_uploads} input, and the runner imports the rest.
 */
public final class JobFactory {

    private final EmulatorState state;
    private final Credits credits;
    private final UploadSessions sessions;
    private final JobRunner runner;
    private final int maxActiveJobs;
    private final Clock clock;

    public JobFactory(EmulatorState state, Credits credits, UploadSessions sessions, JobRunner runner,
            int maxActiveJobs, Clock clock) {
        this.state = state;
        this.credits = credits;
        this.sessions = sessions;
        this.runner = runner;
        this.maxActiveJobs = maxActiveJobs;
        this.clock = clock;
    }

    /**
     * Checks, creates and starts the job. The response is rendered by {@code snapshot} before the runner may
     * advance the job: the platform answers with the job as created ("Validating inputs", synchronous inputs only).
     */
    public synchronized <T> T create(User user, Algorithm algorithm, List<ParsedInput> inputs,
            Function<Job, T> snapshot) {
        // Serialised so two concurrent posts cannot both pass the credit, active-jobs and duplicate checks.
        if (algorithm.imagePk() == null) {
            throw ApiError.nonField("Algorithm image is not ready to be used");
        }
        long remaining;
        try {
            remaining = credits.remainingJobs(user, algorithm);
        } catch (IllegalStateException e) {
            throw new ServerError(e.getMessage());
        }
        if (remaining < 1) {
            throw ApiError.nonField("You have run out of algorithm credits");
        }
        long active = state.jobs().stream().filter(j -> j.creatorId() == user.id() && !j.status().isTerminal()).count();
        if (active >= maxActiveJobs) {
            throw ApiError.nonField("You have too many active jobs, please try again after they have completed");
        }
        Set<String> given = new LinkedHashSet<>();
        inputs.forEach(i -> given.add(i.socket().slug()));
        if (algorithm.interfaces().stream().noneMatch(i -> Set.copyOf(i.inputs()).equals(given))) {
            throw ApiError.nonField(interfaceMismatch(algorithm));
        }
        if (duplicate(algorithm, inputs)) {
            throw ApiError.nonField("A result for these inputs with the current image and model already exists.");
        }
        for (ParsedInput input : inputs) {
            if (input.source() == ParsedInput.Source.UPLOAD_SESSION
                    && !UploadSession.QUEUED.equals(input.session().status())) {
                // process_images' RuntimeError: another job or item took the session meanwhile.
                throw new ServerError("Upload session " + input.session().pk() + " is not in PENDING state");
            }
        }
        Credits.Charge charge = credits.charge(user, algorithm);
        Job job = new Job(EmulatorState.newUuid(), algorithm, algorithm.imagePk(), user.id(), clock.instant(),
                charge.credits(), charge.complimentary());
        List<ParsedInput> pending = new ArrayList<>();
        for (ParsedInput input : inputs) {
            switch (input.source()) {
                case VALUE -> job.putInput(state.valueFor(input.socket(), input.value()));
                case IMAGE -> job.putInput(state.imageValueFor(input.socket(), input.image().pk()));
                case USER_UPLOADS -> {
                    UploadSession session = sessions.create(user, input.uploads());
                    session.claim();
                    pending.add(input.withSession(session));
                }
                case UPLOAD_SESSION -> {
                    input.session().claim();
                    pending.add(input);
                }
                default -> pending.add(input);
            }
        }
        state.addJob(job);
        T response = snapshot.apply(job);
        runner.submit(job, pending);
        return response;
    }

    /**
     * {@code get_jobs_with_same_inputs}: a job (any user, any status) of the same algorithm image whose inputs are
     * exactly the reused socket values of this request; uploads always make new values and never match.
     */
    private boolean duplicate(Algorithm algorithm, List<ParsedInput> inputs) {
        if (!inputs.stream().allMatch(ParsedInput::immediate)) {
            return false;
        }
        for (Job job : state.jobs()) {
            if (!job.algorithmImagePk().equals(algorithm.imagePk()) || job.inputs().size() != inputs.size()) {
                continue;
            }
            List<SocketValue> existing = job.inputs();
            if (inputs.stream().allMatch(input -> existing.stream().anyMatch(v -> matches(v, input)))) {
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
                : existing.value() != null && JsonValues.same(existing.value(), input.value());
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
