package io.github.camelgc.emulator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelgc.emulator.server.Json;

/**
 * The Value/File test algorithm: predicted total lung capacity from height (ERS 1993 reference
 * equations: men 7.99·H − 7.08 L, women 6.60·H − 5.79 L, H in metres). The optional
 * {@code clinical-information} JSON file may give {@code "sex": "F"}.
 */
final class LungVolume implements BuiltInAlgorithm {

    @Override
    public void run(AlgorithmRun run) throws Exception {
        JsonNode height = run.inputJson("patient-height")
                .orElseThrow(() -> new AlgorithmFailure("patient-height is missing"));
        double metres = height.asDouble() / 100.0;
        if (metres <= 0.3 || metres > 2.8) {
            throw new AlgorithmFailure("patient-height " + height + " cm is not a plausible height");
        }
        String sex = run.inputJson("clinical-information").map(c -> c.path("sex").asText("M")).orElse("M");
        boolean female = sex.equalsIgnoreCase("F");
        double litres = Math.round((female ? 6.60 * metres - 5.79 : 7.99 * metres - 7.08) * 100.0) / 100.0;
        run.outputJson("lung-volume", Json.MAPPER.getNodeFactory().numberNode(litres));
        ObjectNode results = Json.MAPPER.createObjectNode();
        results.put("patient_height_cm", height.asDouble());
        results.put("sex", female ? "F" : "M");
        results.put("total_lung_capacity_l", litres);
        results.put("reference", "ERS 1993 predicted TLC");
        run.outputJson("results-json-file", results);
    }
}
