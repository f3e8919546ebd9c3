package io.github.camelgc.app.ops;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * The outcome of Camel's liveness or readiness checks (routes, consumers, the component's producer checks
 * {@code grandchallenge:<routeId>}): up unless a check is DOWN, with each check's state and message (never an
 * exception's stack trace; the component's messages never carry the token).
 *
 * @param up      whether no check is DOWN
 * @param results the checks' results, by id
 */
record HealthReport(boolean up, List<HealthCheck.Result> results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every check's result ("full"; Camel's default level would list only the DOWN ones). */
    private static final String EXPOSURE = "full";

    static HealthReport liveness(CamelContext camelContext) {
        return of(HealthCheckHelper.invokeLiveness(camelContext, EXPOSURE));
    }

    static HealthReport readiness(CamelContext camelContext) {
        return of(HealthCheckHelper.invokeReadiness(camelContext, EXPOSURE));
    }

    private static HealthReport of(Collection<HealthCheck.Result> results) {
        List<HealthCheck.Result> sorted = results.stream()
                .sorted(Comparator.comparing(result -> result.getCheck().getId())).toList();
        return new HealthReport(sorted.stream().noneMatch(r -> r.getState() == HealthCheck.State.DOWN), sorted);
    }

    /** {@code {"status": "UP", "checks": [{"id": ..., "state": ..., "message": ...}]}}. */
    String json() {
        ObjectNode root = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
        ArrayNode checks = root.putArray("checks");
        for (HealthCheck.Result result : results) {
            ObjectNode check = checks.addObject().put("id", result.getCheck().getId())
                    .put("state", result.getState().name());
            result.getMessage().ifPresent(message -> check.put("message", message));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
