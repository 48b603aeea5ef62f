package io.stylegraph.training.outfit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compatibility AUC of every contender on the same positive and negative outfits, each seeing the items through its
 * view.
 */
final class AucEvaluator {

    static final String METRIC = "AUC";

    private AucEvaluator() {
    }

    /**
     * One benchmark row; chance is 0.5 and the count is the positives'.
     *
     * @param benchmark the row's name
     * @param protocol  where the positives and negatives come from
     */
    static OutfitEvaluationReport.Result evaluate(String benchmark, String protocol, List<OutfitRecord> positives,
                                                  List<OutfitRecord> negatives, List<Contender> contenders) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Contender c : contenders) {
            scores.put(c.label(), OutfitBenchmark.auc(c.model(),
                    positives.stream().map(o -> o.map(c.view())).toList(),
                    negatives.stream().map(o -> o.map(c.view())).toList()));
        }
        return new OutfitEvaluationReport.Result(benchmark, METRIC, protocol, positives.size(), 0.5, scores);
    }
}
