package io.github.camelgc.grandchallenge.producer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.client.GrandChallengeApiException;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.inputs.BodyInputs;
import io.github.camelgc.grandchallenge.inputs.InterfaceMatcher;
import io.github.camelgc.grandchallenge.inputs.PreparedInput;
import io.github.camelgc.grandchallenge.inputs.SocketValuePayloads;
import io.github.camelgc.grandchallenge.inputs.TempFiles;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.ApiUrls;
import io.github.camelgc.grandchallenge.model.SocketValue;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.JobStatus;
import io.github.camelgc.grandchallenge.model.Socket;
import io.github.camelgc.grandchallenge.outputs.OutputFolderWriter;
import io.github.camelgc.grandchallenge.outputs.OutputItem;
import io.github.camelgc.grandchallenge.outputs.OutputItems;
import io.github.camelgc.grandchallenge.outputs.OutputNaming;
import io.github.camelgc.grandchallenge.state.JsonState;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;

/** The operations of {@code grandchallenge:job}: submit, get, list, wait and downloadOutputs. */
final class JobOperations {

    private final GrandChallengeEndpoint endpoint;
    private final GrandChallengeConfiguration configuration;

    JobOperations(GrandChallengeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    /** Runs the operation; returns a stage when it completes later (submit, wait), else {@code null}. */
    CompletionStage<?> run(GrandChallengeOperations operation, Exchange exchange) throws Exception {
        switch (operation) {
            case submit -> {
                return submit(exchange);
            }
            case get -> reply(exchange, client().job(jobRef(exchange)));
            case list -> list(exchange);
            case wait -> {
                return waiter().await(jobRef(exchange)).thenAccept(job -> reply(exchange, job));
            }
            case downloadOutputs -> downloadOutputs(exchange);
            default -> throw new IllegalArgumentException("Unsupported job operation " + operation);
        }
        return null;
    }

    /**
     * Validates and uploads in the caller's thread, then posts through the {@link JobSubmitter}; completes once the
     * platform accepted the job (after back-pressure waits, which run on the component's scheduler).
     */
    private CompletionStage<?> submit(Exchange exchange) throws Exception {
        String slug = algorithmSlug(exchange);
        Algorithm algorithm = endpoint.algorithms().get(slug);
        CompletableFuture<JobSubmitter.Submitted> submitted;
        try (TempFiles temp = new TempFiles()) {
            Map<String, Object> values = BodyInputs.read(exchange, () -> singleInput(exchange, algorithm), temp);
            try {
                submitted = submitTo(exchange, algorithm, values, temp);
            } catch (GrandChallengeApiException e) {
                // the platform may no longer know the algorithm id we hold: tried once more with the fresh one
                Algorithm fresh = endpoint.algorithms().refreshedAfter(e, algorithm).orElseThrow(() -> e);
                submitted = submitTo(exchange, fresh, values, temp);
            }
        }
        CompletionStage<Job> job = submitted.thenApply(s -> {
            exchange.getMessage().setHeader(GrandChallengeConstants.JOB_EXISTING, s.existing());
            return s.job();
        });
        if (configuration.isWaitForCompletion()) {
            job = job.thenCompose(j -> waiter().await(j.pk()));
        }
        return job.thenAccept(j -> reply(exchange, j));
    }

    /** Checks the inputs against the algorithm's interfaces, then submits (uploads run in this thread). */
    private CompletableFuture<JobSubmitter.Submitted> submitTo(Exchange exchange, Algorithm algorithm,
            Map<String, Object> values, TempFiles temp) {
        GrandChallengeClient client = client().withUploadProgress(configuration.getUploadProgressListener());
        InterfaceMatcher.requireMatch(algorithm, values.keySet());
        Map<String, Socket> sockets = algorithm.allInputSockets();
        List<PreparedInput> inputs = SocketValuePayloads.validate(values, sockets::get);
        Optional<String> key = SubmissionKey.of(exchange, configuration.getBaseUrl(), algorithm.slug(), values, temp);
        CompletableFuture<JobSubmitter.Submitted> submitted = submitter(client).submit(algorithm, key,
                SocketValuePayloads.expect(inputs),
                tracker -> SocketValuePayloads.build(inputs, client.withUploadTracker(tracker), temp));
        key.ifPresent(k -> clearMarkWhenDone(exchange, k));
        return submitted;
    }

    /** Once the exchange that submitted is done with the job, its mark is no longer needed. */
    private void clearMarkWhenDone(Exchange exchange, String key) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                marks().clear(key);
            }
        });
    }

    private JobSubmitter submitter(GrandChallengeClient client) {
        return new JobSubmitter(client, configuration, marks(), endpoint.inputNames(),
                endpoint.getComponent().submittedJobs(), endpoint.getComponent().scheduler(),
                endpoint.getComponent().workers(), new CreditsGate(endpoint.getComponent().outOfCredits(), client,
                        java.time.Duration.ofMillis(configuration.getCreditsRecheckInterval())));
    }

    private SubmissionMarks marks() {
        return new SubmissionMarks(new JsonState(endpoint.submissionRepository()), Clock.systemUTC());
    }

    /** All jobs of the algorithm; with the image header only those that used that image as an input (flow 7). */
    private void list(Exchange exchange) {
        Algorithm algorithm = endpoint.algorithms().get(algorithmSlug(exchange));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("algorithm_image__algorithm", algorithm.pk());
        String image = exchange.getMessage().getHeader(GrandChallengeConstants.IMAGE_ID, String.class);
        if (image != null) {
            // the platform filters on input_image (gcapi's by_input_image sends an ignored ?image=)
            filters.put("input_image", ApiUrls.lastSegment(image));
        }
        List<Job> jobs = new ArrayList<>();
        client().jobs(filters).forEachRemaining(jobs::add);
        exchange.getMessage().setBody(jobs);
    }

    private void downloadOutputs(Exchange exchange) {
        GrandChallengeClient client = client();
        Message message = exchange.getMessage();
        Job job = message.getBody() instanceof Job emitted && emitted.isFinal() ? emitted : client.job(jobRef(exchange));
        if (!JobStatus.SUCCEEDED.label().equalsIgnoreCase(job.status())) {
            throw new GrandChallengeException("Job " + job.pk() + " has status '" + job.status()
                                              + "'; outputs exist only for Succeeded jobs");
        }
        List<OutputItem> items = OutputItems.ofJob(client, job, configuration.getImageType());
        setJobHeaders(message, job);
        String folder = configuration.getOutputDirectory();
        if (folder != null) {
            OutputNaming naming = configuration.outputNaming()
                    .overriddenBy(message.getHeader(GrandChallengeConstants.OUTPUT_FILE_NAME, String.class));
            message.setBody(new OutputFolderWriter(Path.of(folder), naming).write(items, namingValues(message, job)));
        } else {
            List<Message> messages = new ArrayList<>();
            items.forEach(item -> messages.add(item.toMessage(exchange.getContext(), job.pk())));
            message.setBody(messages);
        }
    }

    /** {input} from the route's header, else the first input image's name (looked up only when a pattern needs it). */
    private OutputNaming.Values namingValues(Message message, Job job) {
        String override = message.getHeader(GrandChallengeConstants.INPUT_NAME, String.class);
        String inputId = job.inputs().stream().map(SocketValue::image).filter(java.util.Objects::nonNull)
                .map(ApiUrls::lastSegment).findFirst().orElse(null);
        return new OutputNaming.Values(job.pk(), () -> {
            if (override != null) {
                return override;
            }
            List<String> names = endpoint.inputNames().of(client(), job);
            return names.isEmpty() ? null : names.get(0);
        }, inputId);
    }

    private String singleInput(Exchange exchange, Algorithm algorithm) {
        String header = exchange.getMessage().getHeader(GrandChallengeConstants.INPUT, String.class);
        if (header != null) {
            return header;
        }
        return configuration.getInput() != null ? configuration.getInput() : InterfaceMatcher.singleInputSocket(algorithm);
    }

    String algorithmSlug(Exchange exchange) {
        String slug = exchange.getMessage().getHeader(GrandChallengeConstants.ALGORITHM, configuration.getAlgorithm(),
                String.class);
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("No algorithm: set the 'algorithm' option or the "
                                               + GrandChallengeConstants.ALGORITHM + " header");
        }
        return slug;
    }

    private static String jobRef(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Job job) {
            return job.apiUrl() != null ? job.apiUrl() : job.pk();
        }
        String header = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        if (header != null) {
            return header;
        }
        if (body instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        throw new IllegalArgumentException("No job: send a Job body, a job id or API URL as body, or set the "
                                           + GrandChallengeConstants.JOB_ID + " header");
    }

    private void reply(Exchange exchange, Job job) {
        exchange.getMessage().setBody(job);
        setJobHeaders(exchange.getMessage(), job);
    }

    private void setJobHeaders(Message message, Job job) {
        message.setHeader(GrandChallengeConstants.JOB_ID, job.pk());
        message.setHeader(GrandChallengeConstants.JOB_STATUS, job.status());
        // the create response has no api_url (spec 9.5); it is the detail path of the pk
        message.setHeader(GrandChallengeConstants.JOB_URL,
                job.apiUrl() != null ? job.apiUrl() : client().resolve("algorithms/jobs/" + job.pk() + "/").toString());
    }

    private JobWaiter waiter() {
        return new JobWaiter(client(), endpoint.getComponent().scheduler(), endpoint.getComponent().workers(),
                configuration.getWaitTimeout(), configuration.getWaitPollInterval());
    }

    private GrandChallengeClient client() {
        return endpoint.client();
    }
}
