package io.github.camelgc.grandchallenge.it;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelgc.grandchallenge.GrandChallengeEndpoint;
import io.github.camelgc.grandchallenge.model.Image;
import io.github.camelgc.grandchallenge.model.Job;
import org.apache.camel.Message;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelgc.grandchallenge.it.SubmitAndOutputsIT.testImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token never shows up in logs (the component and Camel captured at DEBUG), exception messages or toString, and
 * goes on the wire only to the API: never with presigned part PUTs, never to storage redirects. What went on the wire
 * is read from HttpClient's own header log, captured separately (it prints headers verbatim, which is why it must not
 * be enabled in production).
 */
class TokenSecrecyIT extends EmulatorTestSupport {

    private static final String WIRE = "org.apache.hc.client5.http.headers";
    private static final List<String> COMPONENT_LOGGERS = List.of("io.github.camelgc", "org.apache.camel");

    private final StringWriter log = new StringWriter();
    private final StringWriter wire = new StringWriter();
    private final List<WriterAppender> appenders = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        COMPONENT_LOGGERS.forEach(name -> capture(name, log));
        capture(WIRE, wire);
    }

    private void capture(String name, StringWriter target) {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggers.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("capture-" + name).setTarget(target)
                .setLayout(PatternLayout.newBuilder().withPattern("%m %throwable%n").build()).build();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
        logger.addAppender(appender, Level.DEBUG, null);
        configuration.addLogger(name, logger);
        loggers.updateLoggers();
        appenders.add(appender);
    }

    @AfterEach
    void stopCapture() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        COMPONENT_LOGGERS.forEach(name -> loggers.getConfiguration().removeLogger(name));
        loggers.getConfiguration().removeLogger(WIRE);
        loggers.updateLoggers();
        appenders.forEach(WriterAppender::stop);
    }

    @Test
    void tokenGoesOnlyToTheApiNeverToStorage() throws Exception {
        Job job = template.requestBody("grandchallenge:job?waitForCompletion=true&waitPollInterval=50&algorithm="
                                       + platform.multiAlgorithm(), platform.multiInputs(), Job.class);
        @SuppressWarnings("unchecked")
        List<Message> outputs = template.requestBody("grandchallenge:job?operation=downloadOutputs", job, List.class);
        for (Message output : outputs) {
            try (InputStream in = output.getBody(InputStream.class)) {
                in.readAllBytes();
            }
        }
        Image image = anArchiveImage();
        @SuppressWarnings("unchecked")
        List<Message> files = template.requestBody("grandchallenge:image?operation=download", image, List.class);
        try (InputStream in = files.get(0).getBody(InputStream.class)) {
            in.readAllBytes();
        }

        Map<String, Boolean> authorizedByRequest = requestsOnTheWire();
        assertThat(authorizedByRequest.keySet()).as("requests seen on the wire")
                .anyMatch(r -> r.startsWith("PUT /storage/"))
                .anyMatch(r -> r.startsWith("GET /storage/"))
                .anyMatch(r -> r.startsWith("GET /media/"));
        authorizedByRequest.forEach((request, authorized) -> {
            if (request.contains(" /storage/")) {
                assertThat(authorized).as("Authorization sent with " + request).isFalse();
            } else if (request.contains(" /api/v1/") && !request.contains("/gcapi/")) {
                assertThat(authorized).as("Authorization sent with " + request).isTrue();
            }
        });
        assertThat(log.toString()).as("component and Camel logs").isNotEmpty().doesNotContain(platform.token());
    }

    @Test
    void tokenIsAbsentFromErrorsAndToStrings() {
        GrandChallengeEndpoint endpoint = context.getEndpoint("grandchallenge:job?algorithm=no-such-algorithm",
                GrandChallengeEndpoint.class);
        assertThatThrownBy(() -> template.requestBody(endpoint, testImage("image10x10x10.mha")))
                .satisfies(e -> assertThat(stackText(e)).contains("no-such-algorithm").doesNotContain(platform.token()));
        assertThat(endpoint.toString()).doesNotContain(platform.token());
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(platform.token());
        assertThat(log.toString()).doesNotContain(platform.token());
    }

    @Test
    void aRejectedTokenIsReportedWithoutEchoingIt() {
        String wrong = "ab".repeat(32);
        assertThatThrownBy(() -> template.requestBody("grandchallenge:algorithm?algorithm=" + platform.algorithm()
                                                      + "&token=" + wrong, (Object) null))
                .satisfies(e -> assertThat(stackText(e)).contains("HTTP 401").doesNotContain(wrong));
        assertThat(log.toString()).doesNotContain(wrong);
    }

    /**
     * Request line of every request on the wire, with whether it carried an Authorization header. HttpClient logs
     * {@code <connection> >> <request line>} followed by {@code <connection> >> <header>} lines.
     */
    private Map<String, Boolean> requestsOnTheWire() {
        Pattern line = Pattern.compile("^(\\S+) >> (.*)$");
        Map<String, String> current = new HashMap<>();
        Map<String, Boolean> result = new HashMap<>();
        int n = 0;
        for (String text : wire.toString().split("\n")) {
            Matcher m = line.matcher(text.strip());
            if (!m.matches()) {
                continue;
            }
            String connection = m.group(1);
            String content = m.group(2);
            if (content.matches("^(GET|PUT|POST|PATCH|DELETE) .*")) {
                String request = content.replaceAll("\\?.*", "") + " #" + n++;
                current.put(connection, request);
                result.put(request, false);
            } else if (content.regionMatches(true, 0, "Authorization:", 0, 14) && current.containsKey(connection)) {
                result.put(current.get(connection), true);
            }
        }
        return result;
    }

    private static String stackText(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
