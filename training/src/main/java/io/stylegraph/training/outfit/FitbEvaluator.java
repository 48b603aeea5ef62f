package io.stylegraph.training.outfit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fill-in-the-blank accuracy of every contender on the same questions, each seeing the items through its view. */
final class FitbEvaluator {

    static final String METRIC = "FITB accuracy";

    private FitbEvaluator() {
    }

    /**
     * One benchmark row; chance is one over {@code candidates}, the candidates per question.
     *
     * @param benchmark the row's name
     * @param protocol  how the questions were drawn
     */
    static OutfitEvaluationReport.Result evaluate(String benchmark, String protocol,
                                                  List<OutfitBenchmark.FitbQuestion> questions, int candidates,
                                                  List<Contender> contenders) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Contender c : contenders) {
            List<OutfitBenchmark.FitbQuestion> seen = questions.stream().map(q -> q.map(c.view())).toList();
            scores.put(c.label(), OutfitBenchmark.fitbAccuracy(c.model(), seen));
        }
        return new OutfitEvaluationReport.Result(benchmark, METRIC, protocol, questions.size(), 1.0 / candidates,
                scores);
    }
}
