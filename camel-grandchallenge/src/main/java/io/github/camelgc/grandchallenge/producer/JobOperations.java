package io.github.camelgc.grandchallenge.producer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.GrandChallengeConstants;
import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.GrandChallengeOperations;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.GrandChallengeException;
import io.github.camelgc.grandchallenge.inputs.BodyInputs;
import io.github.camelgc.grandchallenge.inputs.InterfaceMatcher;
import io.github.camelgc.grandchallenge.inputs.PreparedInput;
import io.github.camelgc.grandchallenge.inputs.SocketValuePayloads;
import io.github.camelgc.grandchallenge.inputs.TempFiles;
import io.github.camelgc.grandchallenge.model.Algorithm;
import io.github.camelgc.grandchallenge.model.Job;
import io.github.camelgc.grandchallenge.model.JobStatus;
import io.github.camelgc.grandchallenge.model.Socket;
import io.github.camelgc.grandchallenge.outputs.OutputFolderWriter;
import io.github.camelgc.grandchallenge.outputs.OutputItem;
import io.github.camelgc.grandchallenge.outputs.OutputItems;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The operations of {@code grandchallenge:job}: submit, get, list, wait and downloadOutputs. */
final class JobOperations {

    private final GrandChallengeEndpoint endpoint;
    private final GrandChallengeConfiguration configuration;

    JobOperations(GrandChallengeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    void run(GrandChallengeOperations operation, Exchange exchange) throws Exception {
        switch (operation) {
            case submit -> submit(exchange);
            case get -> reply(exchange, client().job(jobRef(exchange)));
            case list -> list(exchange);
            case wait -> reply(exchange, waiter().await(jobRef(exchange)));
            case downloadOutputs -> downloadOutputs(exchange);
            default -> throw new IllegalArgumentException("Unsupported job operation " + operation);
        }
    }

    private void submit(Exchange exchange) throws Exception {
        GrandChallengeClient client = client().withUploadProgress(configuration.getUploadProgressListener());
        Algorithm algorithm = client.algorithm(algorithmSlug(exchange));
        try (TempFiles temp = new TempFiles()) {
            Map<String, Object> values = BodyInputs.read(exchange, () -> singleInput(exchange, algorithm), temp);
            InterfaceMatcher.requireMatch(algorithm, values.keySet());
            Map<String, Socket> sockets = algorithm.allInputSockets();
            List<PreparedInput> inputs = SocketValuePayloads.validate(values, sockets::get);
            JobSubmitter.Submitted submitted = new JobSubmitter(client, configuration)
                    .submit(algorithm, SocketValuePayloads.build(inputs, client, temp));
            Job job = submitted.job();
            exchange.getMessage().setHeader(GrandChallengeConstants.JOB_EXISTING, submitted.existing());
            if (configuration.isWaitForCompletion()) {
                job = waiter().await(job.pk());
            }
            reply(exchange, job);
        }
    }

    /** All jobs of the algorithm; with the image header only those that used that image as an input (flow 7). */
    private void list(Exchange exchange) {
        Algorithm algorithm = client().algorithm(algorithmSlug(exchange));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("algorithm_image__algorithm", algorithm.pk());
        String image = exchange.getMessage().getHeader(GrandChallengeConstants.IMAGE_ID, String.class);
        if (image != null) {
            // the platform filters on input_image (gcapi's by_input_image sends an ignored ?image=)
            filters.put("input_image", lastPathSegment(image));
        }
        List<Job> jobs = new ArrayList<>();
        client().jobs(filters).forEachRemaining(jobs::add);
        exchange.getMessage().setBody(jobs);
    }

    private static String lastPathSegment(String idOrUrl) {
        String trimmed = idOrUrl.endsWith("/") ? idOrUrl.substring(0, idOrUrl.length() - 1) : idOrUrl;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private void downloadOutputs(Exchange exchange) {
        GrandChallengeClient client = client();
        // the job consumer already read the input image names of the job it emitted: no GET per input image again
        String consumedJob = exchange.getMessage().getHeader(GrandChallengeConstants.JOB_ID, String.class);
        List<?> knownInputNames = exchange.getMessage().getHeader(GrandChallengeConstants.INPUT_NAMES, List.class);
        Job job = client.job(jobRef(exchange));
        if (!JobStatus.SUCCEEDED.label().equalsIgnoreCase(job.status())) {
            throw new GrandChallengeException("Job " + job.pk() + " has status '" + job.status()
                                              + "'; outputs exist only for Succeeded jobs");
        }
        List<OutputItem> items = OutputItems.ofJob(client, job, configuration.getImageType());
        setJobHeaders(exchange.getMessage(), job);
        String folder = configuration.getOutputDirectory();
        if (folder != null) {
            String pattern = configuration.getOutputFileName();
            String inputName = null;
            if (pattern.contains("{input}")) {
                List<?> names = knownInputNames != null && job.pk().equals(consumedJob) ? knownInputNames
                        : client.inputImageNames(job);
                inputName = names.isEmpty() || names.get(0) == null ? null : names.get(0).toString();
            }
            exchange.getMessage().setBody(new OutputFolderWriter(Path.of(folder), pattern).write(items, job.pk(), inputName));
        } else {
            List<Message> messages = new ArrayList<>();
            items.forEach(item -> messages.add(item.toMessage(exchange.getContext(), job.pk())));
            exchange.getMessage().setBody(messages);
        }
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
        return new JobWaiter(client(), configuration.getWaitTimeout(), configuration.getWaitPollInterval());
    }

    private GrandChallengeClient client() {
        return endpoint.client();
    }
}
