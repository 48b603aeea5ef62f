package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompatibilityMetricsTest {

    @Test
    void shouldComputeAucWithTiesCountingOneHalf() {
        // pairs won: 0.9 beats 3, 0.8 beats 3, 0.4 beats 0.1 and ties 0.4 -> 7.5 of 9
        assertEquals(7.5 / 9, CompatibilityMetrics.auc(new double[] {0.9, 0.8, 0.4}, new double[] {0.7, 0.4, 0.1}),
                1e-12);
        assertEquals(1.0, CompatibilityMetrics.auc(new double[] {3, 4}, new double[] {1, 2}), 1e-12);
        assertEquals(0.0, CompatibilityMetrics.auc(new double[] {1}, new double[] {2, 3}), 1e-12);
        assertEquals(0.5, CompatibilityMetrics.auc(new double[] {1, 1, 1}, new double[] {1, 1}), 1e-12);
        // 2 beats 1 (1), ties 2 (0.5), loses to 3 (0): 1.5 of 3
        assertEquals(0.5, CompatibilityMetrics.auc(new double[] {2}, new double[] {1, 2, 3}), 1e-12);
        assertTrue(Double.isNaN(CompatibilityMetrics.auc(new double[0], new double[] {1})));
    }

    @Test
    void shouldSplitFillInTheBlankCreditAmongTiedBestCandidates() {
        assertEquals(1.0, CompatibilityMetrics.fitbCredit(new double[] {0.1, 0.9, 0.3, 0.2}, 1));
        assertEquals(0.0, CompatibilityMetrics.fitbCredit(new double[] {0.1, 0.9, 0.3, 0.2}, 2));
        assertEquals(0.5, CompatibilityMetrics.fitbCredit(new double[] {0.9, 0.9, 0.3, 0.2}, 0));
        assertEquals(0.25, CompatibilityMetrics.fitbCredit(new double[] {1, 1, 1, 1}, 3));
        assertEquals(0.0, CompatibilityMetrics.fitbCredit(new double[] {0.9, 0.9, 0.3, 0.2}, 3));
    }

    @Test
    void shouldAverageFillInTheBlankCreditOverQuestions() {
        // A scorer that likes items whose ids share the first letter: hand-checkable answers.
        CompatibilityModel sameLetter = new CompatibilityModel() {
            @Override
            public String name() {
                return "same-letter";
            }

            @Override
            public double pairScore(ItemVectors a, ItemVectors b) {
                return a.id().charAt(0) == b.id().charAt(0) ? 1 : 0;
            }
        };
        OutfitBenchmark.FitbQuestion right = new OutfitBenchmark.FitbQuestion("q1", List.of(item("a1"), item("a2")),
                List.of(item("b1"), item("a3"), item("c1"), item("d1")), 1);
        OutfitBenchmark.FitbQuestion wrong = new OutfitBenchmark.FitbQuestion("q2", List.of(item("a1")),
                List.of(item("a9"), item("b2"), item("c2"), item("d2")), 2);
        OutfitBenchmark.FitbQuestion tied = new OutfitBenchmark.FitbQuestion("q3", List.of(item("a1")),
                List.of(item("a7"), item("a8"), item("c3"), item("d3")), 0);

        assertEquals((1 + 0 + 0.5) / 3, OutfitBenchmark.fitbAccuracy(sameLetter, List.of(right, wrong, tied)), 1e-12);
        assertEquals(1.0, OutfitBenchmark.auc(sameLetter,
                List.of(new OutfitRecord("p", List.of(item("a1"), item("a2")))),
                List.of(new OutfitRecord("n", List.of(item("a1"), item("b2"))))), 1e-12);
    }

    private static ItemVectors item(String id) {
        return ItemVectors.of(id, "top", null);
    }
}
