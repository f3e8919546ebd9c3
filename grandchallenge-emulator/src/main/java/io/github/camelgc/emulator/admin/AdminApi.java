package io.github.camelgc.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelgc.emulator.backend.Backend;
import io.github.camelgc.emulator.faults.FaultInjector;
import io.github.camelgc.emulator.jobs.Credits;
import io.github.camelgc.emulator.model.Algorithm;
import io.github.camelgc.emulator.model.User;
import io.github.camelgc.emulator.server.Iso;
import io.github.camelgc.emulator.faults.FaultRule;
import io.github.camelgc.emulator.model.Job;
import io.github.camelgc.emulator.model.JobStatus;
import io.github.camelgc.emulator.jobs.JobRunner;
import io.github.camelgc.emulator.server.ApiCall;
import io.github.camelgc.emulator.server.ApiError;
import io.github.camelgc.emulator.server.Reply;
import io.github.camelgc.emulator.server.RequestLog;
import io.github.camelgc.emulator.server.Router;
import io.github.camelgc.emulator.state.EmulatorState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emulator-only controls under {@code /admin/} (served only when enabled; no token, so bind to
 * loopback): the request log, fault rules, failing or holding jobs, users' credits and the platform clock.
 */
public final class AdminApi {

    private final Backend backend;
    private final EmulatorState state;
    private final RequestLog log;
    private final FaultInjector faults;
    private final JobRunner runner;

    public AdminApi(Backend backend, RequestLog log, FaultInjector faults) {
        this.backend = backend;
        this.state = backend.state();
        this.log = log;
        this.faults = faults;
        this.runner = backend.runner();
    }

    public void register(Router router) {
        router.get("/admin/requests/", call -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", log.entries().size());
            body.put("counters", log.counters());
            return Reply.ok(body);
        });
        router.add("DELETE", "/admin/requests/", call -> {
            log.clear();
            return Reply.empty(204);
        });
        router.get("/admin/faults/", call -> Reply.ok(faults.rules().stream().map(FaultRule::toString).toList()));
        router.post("/admin/faults/", this::addFault);
        router.add("DELETE", "/admin/faults/", call -> {
            faults.clear();
            return Reply.empty(204);
        });
        router.post("/admin/jobs/{pk}/fail/", call -> {
            runner.fail(job(call));
            return Reply.ok(Map.of("status", job(call).status().display()));
        });
        router.post("/admin/jobs/{pk}/hold/", call -> {
            JsonNode body = call.json();
            String status = body.path("status").asText(null);
            if (status == null) {
                throw ApiError.field("status", "This field is required.");
            }
            try {
                job(call).holdAt(JobStatus.parse(status));
            } catch (IllegalArgumentException e) {
                throw ApiError.field("status", e.getMessage());
            }
            return Reply.ok(Map.of("held_at", status));
        });
        router.post("/admin/jobs/{pk}/release/", call -> {
            job(call).holdAt(null);
            return Reply.ok(Map.of("status", job(call).status().display()));
        });
        router.get("/admin/credits/{username}/", call -> Reply.ok(credits(user(call))));
        router.put("/admin/credits/{username}/", call -> {
            User user = user(call);
            JsonNode body = call.json();
            if (!body.path("credits_per_month").canConvertToInt() || body.get("credits_per_month").asInt() < 0) {
                throw ApiError.field("credits_per_month", "A non-negative integer is required.");
            }
            backend.credits().setMonthlyCredits(user.username(), body.get("credits_per_month").asInt());
            return Reply.ok(credits(user));
        });
        router.post("/admin/clock/", call -> {
            JsonNode body = call.json();
            if (!body.path("advance_seconds").canConvertToLong()) {
                throw ApiError.field("advance_seconds", "An integer is required.");
            }
            backend.clock().advance(Duration.ofSeconds(body.get("advance_seconds").asLong()));
            return Reply.ok(Map.of("now", Iso.instant(backend.clock().instant())));
        });
    }

    /** A user's credits as the platform's job form would show them, per algorithm the user may run. */
    private Map<String, Object> credits(User user) {
        Credits credits = backend.credits();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("credits_per_month", credits.monthlyCredits(user.username()));
        body.put("remaining_credits", credits.remainingGeneralCredits(user));
        List<Object> algorithms = new ArrayList<>();
        for (Algorithm algorithm : state.algorithms()) {
            if (algorithm.canExecute(user) && algorithm.imagePk() != null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("slug", algorithm.slug());
                try {
                    a.put("credits_per_job", credits.creditsPerJob(algorithm));
                    a.put("remaining_jobs", credits.remainingJobs(user, algorithm));
                } catch (IllegalStateException e) {
                    a.put("error", e.getMessage());
                }
                algorithms.add(a);
            }
        }
        body.put("algorithms", algorithms);
        return body;
    }

    private User user(ApiCall call) {
        return state.user(call.param("username")).orElseThrow(() -> ApiError.detail(404, "No user "
                + call.param("username") + " in the fixture."));
    }

    /**
     * {@code {"method": "GET", "path": "/api/v1/algorithms/jobs/{pk}/", "times": 2, "status": 503,
     * "retry_after": "1", "latency_ms": 0, "answer_delay_ms": 0, "drop_connection": false}}.
     */
    private Reply addFault(ApiCall call) throws IOException {
        JsonNode body = call.json();
        String path = body.path("path").asText(null);
        if (path == null) {
            throw ApiError.field("path", "This field is required.");
        }
        FaultRule.Builder rule = FaultRule.matching(body.path("method").asText("*"), path)
                .times(body.path("times").asInt(1)).status(body.path("status").asInt(0))
                .latency(Duration.ofMillis(body.path("latency_ms").asLong(0)))
                .answerDelay(Duration.ofMillis(body.path("answer_delay_ms").asLong(0)));
        if (body.hasNonNull("retry_after")) {
            rule.retryAfter(body.get("retry_after").asText());
        }
        if (body.path("drop_connection").asBoolean(false)) {
            rule.dropConnection();
        }
        return Reply.created(Map.of("rule", faults.add(rule.build()).toString()));
    }

    private Job job(ApiCall call) {
        return state.job(call.param("pk")).orElseThrow(() -> ApiError.notFound("Job"));
    }
}
