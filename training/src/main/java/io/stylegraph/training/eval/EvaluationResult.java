package io.stylegraph.training.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mean metrics over the evaluated users ("Recall@20", "NDCG@10", …, "Coverage@50") and the pass's duration. */
public record EvaluationResult(int users, Map<String, Double> metrics, double seconds) {

    public EvaluationResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double get(String metric) {
        Double value = metrics.get(metric);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + metric + " in " + metrics.keySet());
        }
        return value;
    }
}
