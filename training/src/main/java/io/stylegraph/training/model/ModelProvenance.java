package io.stylegraph.training.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model came to be: trainer, every parameter, seed, data counts, the training run's course and its best
 * validation metrics. Enough to reproduce the model or to register it.
 */
public record ModelProvenance(String modelName, String trainer, Map<String, String> parameters, long seed,
                              DataCounts data, String kernel, int epochsRun, int bestEpoch,
                              Map<String, Double> validationMetrics, Instant trainedAt, double trainingSeconds) {

    public ModelProvenance {
        parameters = Map.copyOf(parameters);
        validationMetrics = validationMetrics == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    }
}
