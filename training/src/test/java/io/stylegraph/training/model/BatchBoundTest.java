package io.stylegraph.training.model;

import io.stylegraph.training.data.Split;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchBoundTest {

    @Test
    void shouldKeepTheSettingsWhileTheBatchesFitTheBound() {
        FreedomConfig config = FreedomConfig.lightGcn();

        assertEquals(128, config.maxBatchesPerEpoch());
        assertSame(config, config.forTrainingLikes(128L * 2048));
        assertSame(config, config.forTrainingLikes(190_853)); // amazon-clothing's train likes: 94 batches
        FreedomConfig unbounded = config.withMaxBatchesPerEpoch(0);
        assertSame(unbounded, unbounded.forTrainingLikes(10_000_000));
    }

    @Test
    void shouldGrowTheBatchToTheBoundAndScaleTheLearningRateWithItsSquareRoot() {
        FreedomConfig config = FreedomConfig.lightGcn();

        FreedomConfig grown = config.forTrainingLikes(2_162_820);

        assertEquals(16_898, grown.batchSize()); // ⌈2,162,820 / 128⌉
        assertEquals(1e-3 * Math.sqrt(16_898 / 2048.0), grown.learningRate(), 1e-12);
        assertEquals((2_162_820 + grown.batchSize() - 1) / grown.batchSize(), 128);
        assertSame(grown, grown.forTrainingLikes(2_162_820));
        assertEquals("16898", grown.toParameters().get("batchSize"));
        assertEquals("128", grown.toParameters().get("maxBatchesPerEpoch"));
    }

    @Test
    void shouldRefuseANegativeBound() {
        assertThrows(IllegalArgumentException.class, () -> FreedomConfig.lightGcn().withMaxBatchesPerEpoch(-1));
    }

    @Test
    void shouldTrainABoundedEpochAsTheGrownBatchWouldWithoutTheBound() {
        Split split = SmallGraphs.twoCommunities();
        TrainingData data = TrainingData.of(split.train());
        int likes = data.likes().nnz();
        FreedomConfig config = SmallGraphs.small(FreedomConfig.lightGcn()).withMaxEpochs(3).withBatchSize(4);
        int grownBatch = (likes + 1) / 2;

        EmbeddingModel bounded = new FreedomTrainer(config.withMaxBatchesPerEpoch(2)).train(data);
        EmbeddingModel explicit = new FreedomTrainer(config.withMaxBatchesPerEpoch(0).withBatchSize(grownBatch)
                .withLearningRate(config.learningRate() * Math.pow(grownBatch / 4.0, FreedomConfig.LEARNING_RATE_EXPONENT)))
                .train(data);
        EmbeddingModel small = new FreedomTrainer(config.withMaxBatchesPerEpoch(0)).train(data);

        assertArrayEquals(explicit.userEmbeddings(), bounded.userEmbeddings());
        assertArrayEquals(explicit.itemEmbeddings(), bounded.itemEmbeddings());
        assertEquals(String.valueOf(grownBatch), bounded.provenance().parameters().get("batchSize"));
        assertEquals("4", small.provenance().parameters().get("batchSize"));
        FreedomTrainer.EpochTiming timing = new FreedomTrainer(config.withMaxBatchesPerEpoch(2))
                .timeFirstEpoch(data, null, Integer.MAX_VALUE);
        assertEquals(2, timing.batchesPerEpoch());
        assertEquals(grownBatch, timing.batchSize());
    }
}
