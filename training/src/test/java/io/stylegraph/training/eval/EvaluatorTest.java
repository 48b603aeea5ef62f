package io.stylegraph.training.eval;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluatorTest {

    // item scores shared by every user: item 0 best, then 1, 2, ...
    private static final Scorer DESCENDING = (users, out) -> {
        int items = out.length / users.length;
        for (int b = 0; b < users.length; b++) {
            for (int i = 0; i < items; i++) {
                out[b * items + i] = items - i;
            }
        }
    };

    @Test
    void shouldMaskOnlyTrainItemsAndAverageOverUsersWithTargets() {
        // user 0 trained on item 0, test item 1 -> rank 1 after masking
        // user 1 trained on nothing, test item 3 -> rank 4
        // user 2 has no test items and does not count
        InteractionMatrix train = InteractionMatrix.builder(3, 6).add(0, 0).add(2, 1).build();
        InteractionMatrix test = InteractionMatrix.builder(3, 6).add(0, 1).add(1, 3).build();
        try (Evaluator evaluator = new Evaluator(new int[] {1, 4}, 2)) {
            EvaluationResult result = evaluator.evaluate(DESCENDING, train, test);

            assertEquals(2, result.users());
            assertEquals(0.5, result.get("Recall@1"), 1e-12);
            assertEquals(1.0, result.get("Recall@4"), 1e-12);
            assertEquals((1 + 1 / (Math.log(5) / Math.log(2))) / 2, result.get("NDCG@4"), 1e-12);
            assertEquals((1 + 0.25) / 2, result.get("MRR@4"), 1e-12);
            assertEquals((0.25 + 0.25) / 2, result.get("Precision@4"), 1e-12);
            assertEquals(0.5, result.get("HitRate@1"), 1e-12);
            // top-1 lists: user 0 -> item 1, user 1 -> item 0
            assertEquals(2.0 / 6, result.get("Coverage@1"), 1e-12);
        }
    }

    @Test
    void shouldNotMaskValidationItemsAtTestTime() {
        InteractionMatrix train = InteractionMatrix.builder(1, 4).add(0, 3).build();
        InteractionMatrix test = InteractionMatrix.builder(1, 4).add(0, 1).build();
        // item 0 would be the user's valid item: it stays ranked, so the test item sits at rank 2
        try (Evaluator evaluator = new Evaluator(new int[] {1, 2}, 1)) {
            EvaluationResult result = evaluator.evaluate(DESCENDING, train, test);

            assertEquals(0.0, result.get("Recall@1"));
            assertEquals(1.0, result.get("Recall@2"));
        }
    }

    @Test
    void shouldEvaluateASeededSampleOfTheUsersWithTargetsAndStateItsSize() {
        // 40 users, each with test item (u % 10): at rank u % 10 + 1 of the shared order, so Recall@1 is 1 for users
        // 0, 10, 20, 30 only; a sample's mean is the share of those it drew
        InteractionMatrix.Builder builder = InteractionMatrix.builder(41, 10);
        for (int u = 0; u < 40; u++) {
            builder.add(u, u % 10);
        }
        InteractionMatrix test = builder.build();
        InteractionMatrix train = InteractionMatrix.builder(41, 10).build();
        try (Evaluator evaluator = new Evaluator(new int[] {1}, 2)) {
            EvaluationResult sample = evaluator.evaluateSample(DESCENDING, train, test, 12, 7);
            EvaluationResult again = evaluator.evaluateSample(DESCENDING, train, test, 12, 7);
            EvaluationResult all = evaluator.evaluateSample(DESCENDING, train, test, 100, 7);

            assertEquals(12, sample.users());
            assertEquals(sample.metrics(), again.metrics());
            double recall = sample.get("Recall@1") * 12;
            assertEquals(Math.rint(recall), recall, 1e-9, "a mean over 12 users");
            assertEquals(40, all.users());
            assertEquals(evaluator.evaluate(DESCENDING, train, test).metrics(), all.metrics());
            assertEquals(0.1, all.get("Recall@1"), 1e-12);
        }
    }
}
