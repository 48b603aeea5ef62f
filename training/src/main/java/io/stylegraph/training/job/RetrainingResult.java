package io.stylegraph.training.job;

import java.util.Map;

/** What a retraining run produced: the artifact and the figures the registry and its gate need. */
public record RetrainingResult(ModelArtifact artifact, Map<String, String> parameters, Map<String, Object> dataSnapshot,
                               Map<String, Double> validationMetrics, Map<String, Double> testMetrics, long seed) {

    public Double validRecall20() {
        return validationMetrics.get("Recall@20");
    }

    public Double testRecall20() {
        return testMetrics.get("Recall@20");
    }
}
