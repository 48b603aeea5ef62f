package io.stylegraph.training.job;

import java.util.Map;

/**
 * What a retraining run produced: the artifact, the figures the registry and its gate need, the item–item
 * similarities the run's item graph was built from (empty without item features; made as they are read), for
 * analysts, and the content blend weights chosen on validation (empty without content vectors or without a
 * selection).
 */
public record RetrainingResult(ModelArtifact artifact, Map<String, String> parameters, Map<String, Object> dataSnapshot,
                               Map<String, Double> validationMetrics, Map<String, Double> testMetrics, long seed,
                               SimilarItemGraph similarItems,
                               java.util.Optional<ContentBlendSelection.Choice> contentBlend) {

    public Double validRecall20() {
        return validationMetrics.get("Recall@20");
    }

    public Double testRecall20() {
        return testMetrics.get("Recall@20");
    }
}
