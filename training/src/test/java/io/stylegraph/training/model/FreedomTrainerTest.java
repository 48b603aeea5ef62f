package io.stylegraph.training.model;

import io.stylegraph.training.data.Split;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreedomTrainerTest {

    private final Split split = SmallGraphs.twoCommunities();

    private EvaluationResult testMetrics(EmbeddingModel model) {
        try (Evaluator evaluator = new Evaluator(new int[] {3, 6}, 1)) {
            return evaluator.evaluate(model.scorer(), split.train(), split.test());
        }
    }

    @Test
    void shouldRankHeldOutItemsOfTheUsersCommunityFirstWithLightGcn() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.lightGcn()).withMaxEpochs(40);

        EmbeddingModel model = new FreedomTrainer(config).train(TrainingData.of(split.train()));

        // after masking train items, three items of the user's community (valid, test, never liked) remain
        // against six of the other community: the test item belongs in the top 3
        assertTrue(testMetrics(model).get("Recall@3") >= 0.8, testMetrics(model).metrics().toString());
    }

    @Test
    void shouldLearnWithPlainMatrixFactorization() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.bprMf()).withMaxEpochs(80);

        EmbeddingModel model = new FreedomTrainer(config).train(TrainingData.of(split.train()));

        // a random ranking finds the test item in the top 3 of 9 a third of the time
        assertTrue(testMetrics(model).get("Recall@3") >= 0.6, testMetrics(model).metrics().toString());
    }

    @Test
    void shouldTrainFreedomWithFeaturesPruningAndDislikes() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withKeepRatio(0.5)
                .withModalityLossWeight(0.1).withMaxEpochs(40);
        TrainingData data = TrainingData.of(split.train())
                .withFeatures(SmallGraphs.communityFeatures(12))
                .withDislikes(io.stylegraph.training.data.InteractionMatrix.builder(16, 12).add(0, 6).add(9, 0)
                        .build());

        EmbeddingModel model = new FreedomTrainer(config).train(data);

        assertTrue(testMetrics(model).get("Recall@3") >= 0.9, testMetrics(model).metrics().toString());
    }

    @Test
    void shouldGiveTheSameModelForTheSameSeed() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withKeepRatio(0.5).withMaxEpochs(3);
        TrainingData data = TrainingData.of(split.train()).withFeatures(SmallGraphs.communityFeatures(12));

        EmbeddingModel first = new FreedomTrainer(config).train(data);
        EmbeddingModel second = new FreedomTrainer(config).train(data);
        EmbeddingModel otherSeed = new FreedomTrainer(config.withSeed(7)).train(data);

        assertArrayEquals(first.userEmbeddings(), second.userEmbeddings());
        assertArrayEquals(first.itemEmbeddings(), second.itemEmbeddings());
        assertTrue(first.userEmbedding(0)[0] != otherSeed.userEmbedding(0)[0]);
    }

    @Test
    void shouldReportTheBatchesOfAnEpochAsItGoesButNotItsLastAndTrainTheSameModel() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.lightGcn()).withBatchSize(8).withMaxEpochs(2);
        TrainingData data = TrainingData.of(split.train());
        int batches = (data.likes().nnz() + 7) / 8;
        List<TrainingListener.BatchProgress> reported = new ArrayList<>();
        List<EpochSummary> epochs = new ArrayList<>();

        EmbeddingModel model = new FreedomTrainer(config, 0).train(data, TrainingListener.of(epochs::add,
                reported::add));

        assertTrue(batches >= 3, "several batches an epoch: " + batches);
        assertEquals(2 * (batches - 1), reported.size());
        for (int r = 0; r < reported.size(); r++) {
            TrainingListener.BatchProgress progress = reported.get(r);
            assertEquals(1 + r / (batches - 1), progress.epoch());
            assertEquals(1 + r % (batches - 1), progress.done());
            assertEquals(batches, progress.batches());
            assertTrue(Double.isFinite(progress.loss()) && progress.loss() > 0, progress.toString());
            assertTrue(progress.secondsLeft() >= 0, progress.toString());
        }
        assertEquals(2, epochs.size());
        assertArrayEquals(new FreedomTrainer(config).train(data).itemEmbeddings(), model.itemEmbeddings(),
                "reporting changes nothing that is trained");
    }

    @Test
    void shouldKeepTheBestValidationEpochAndStopAfterPatienceRunsOut() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.lightGcn()).withLearningRate(0.2).withPatience(2)
                .withMaxEpochs(200);
        List<EpochSummary> epochs = new ArrayList<>();

        EmbeddingModel model = new FreedomTrainer(config)
                .train(TrainingData.of(split.train()).withValidation(split.valid()), s -> epochs.add(s));

        ModelProvenance p = model.provenance();
        assertTrue(p.epochsRun() < 200, "early stopping should end training, ran " + p.epochsRun());
        assertEquals(epochs.size(), p.epochsRun());
        assertEquals(p.bestEpoch() + 2, p.epochsRun(), "two evaluations without improvement after the best");
        EpochSummary best = epochs.get(p.bestEpoch() - 1);
        assertTrue(best.best());
        assertEquals(best.validation().orElseThrow().get("Recall@20"), p.validationMetrics().get("Recall@20"));
        assertTrue(epochs.stream().allMatch(e -> e.validation().isPresent()));
    }

    @Test
    void shouldRecordProvenance() {
        FreedomConfig config = SmallGraphs.small(FreedomConfig.lightGcn()).withMaxEpochs(2);

        EmbeddingModel model = new FreedomTrainer(config).train(TrainingData.of(split.train()), s -> s.epoch() < 1);

        ModelProvenance p = model.provenance();
        assertEquals("lightgcn", p.modelName());
        assertEquals(42, p.seed());
        assertEquals("1.0", p.parameters().get("keepRatio"));
        assertEquals(new DataCounts(16, 12, 48, 0, 0, List.of()), p.data());
        assertEquals(1, p.epochsRun(), "the listener stopped training after the first epoch");
        assertTrue(p.kernel().startsWith("cpu-csr"));
    }

    @Test
    void shouldPushDislikedItemsDownWhenDislikesAreSignedEdges() {
        // user 0 dislikes the items of its own community it never liked: only the signed graph can tell
        int[] liked = split.train().itemsOf(0);
        io.stylegraph.training.data.InteractionMatrix.Builder dislikes =
                io.stylegraph.training.data.InteractionMatrix.builder(16, 12);
        List<Integer> disliked = new ArrayList<>();
        for (int item = 0; item < 6; item++) {
            if (!split.train().contains(0, item)) {
                dislikes.add(0, item);
                disliked.add(item);
            }
        }
        TrainingData data = TrainingData.of(split.train()).withDislikes(dislikes.build());
        FreedomConfig base = SmallGraphs.small(FreedomConfig.lightGcn()).withHardNegativeRatio(0).withMaxEpochs(40);

        EmbeddingModel unsigned = new FreedomTrainer(base).train(data);
        EmbeddingModel signed = new FreedomTrainer(base.withDislikeEdgeWeight(1.0)).train(data);

        double unsignedGap = meanScore(unsigned, liked) - meanScore(unsigned, disliked);
        double signedGap = meanScore(signed, liked) - meanScore(signed, disliked);
        assertTrue(signedGap > unsignedGap + 0.05,
                "liked-minus-disliked score gap: signed " + signedGap + ", unsigned " + unsignedGap);
    }

    private static double meanScore(EmbeddingModel model, List<Integer> items) {
        return items.stream().mapToDouble(i -> dot(model.userEmbedding(0), model.itemEmbedding(i))).average()
                .orElseThrow();
    }

    private static double meanScore(EmbeddingModel model, int[] items) {
        return meanScore(model, java.util.Arrays.stream(items).boxed().toList());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
