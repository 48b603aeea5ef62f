package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.graph.DegreeSensitiveEdgeSampler;
import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.kernel.KernelEngine;
import io.stylegraph.training.kernel.TrainingKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written backward pass against central finite differences of the forward loss. */
class FreedomGradientTest {

    private static final int[] USERS = {0, 3, 9, 0};
    private static final int[] POSITIVES = {0, 3, 9, 1};
    private static final int[] NEGATIVES = {7, 10, 2, 11};
    private static final InteractionMatrix DISLIKES = InteractionMatrix.builder(16, 12).add(0, 7).add(3, 2)
            .add(9, 4).build();

    private static FreedomNetwork network(TrainingKernel kernel, FreedomConfig config, ItemFeatures features) {
        return new FreedomNetwork(kernel, config, 16, 12, new ItemKnnGraph(config.knnK()).build(features), features,
                new Random(5));
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldGiveTheSameGradientWhetherOnlyReachedRowsOrAllRowsArePropagated(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = SmallGraphs.communityFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withKnnK(3);
        try (TrainingKernel kernel = engine.create(2)) {
            var adjacency = new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9));
            FreedomNetwork restricted = network(kernel, config, features);
            FreedomNetwork full = network(kernel, config, features);

            double restrictedLoss = restricted.lossAndGradient(PropagationGraph.upload(kernel, adjacency, 1.0),
                    USERS, POSITIVES, NEGATIVES);
            double fullLoss = full.lossAndGradient(PropagationGraph.upload(kernel, adjacency, 0.0),
                    USERS, POSITIVES, NEGATIVES);

            assertEquals(fullLoss, restrictedLoss, 1e-6);
            float[] a = restricted.embeddingGradient();
            float[] b = full.embeddingGradient();
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k], a[k], 1e-6, "component " + k);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldLeaveTheEmbeddingGradientZeroOutsideTheRowsLazyAdamSteps(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = SmallGraphs.communityFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withL2(0.3)
                .withKnnK(3).withLayers(1);
        try (TrainingKernel kernel = engine.create(2)) {
            FreedomNetwork network = network(kernel, config, features);
            PropagationGraph graph = PropagationGraph.upload(kernel,
                    new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9)), 1.0);

            network.lossAndGradient(graph, USERS, POSITIVES, NEGATIVES);

            int[] rows = network.gradientRows();
            assertTrue(rows != null && rows.length < 16 + 12, "a batch of four likes reaches part of the table");
            java.util.Set<Integer> listed = new java.util.HashSet<>();
            for (int r : rows) {
                listed.add(r);
            }
            float[] gradient = network.embeddingGradient();
            int d = config.dimension();
            int nonZero = 0;
            for (int node = 0; node < 16 + 12; node++) {
                for (int j = 0; j < d; j++) {
                    if (!listed.contains(node)) {
                        assertEquals(0f, gradient[node * d + j], 0f, "row " + node + " is not listed");
                    } else if (gradient[node * d + j] != 0f) {
                        nonZero++;
                    }
                }
            }
            assertTrue(nonZero > 0, "the listed rows carry the gradient");
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldMatchFiniteDifferencesThroughLayersItemGraphModalitiesDislikeEdgesAndL2(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = SmallGraphs.communityFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withL2(0.3)
                .withKnnK(3);
        try (TrainingKernel kernel = engine.create(2)) {
            FreedomNetwork network = new FreedomNetwork(kernel, config, 16, 12,
                    new ItemKnnGraph(config.knnK()).build(features), features, new Random(5));
            // fullShare 1: every product runs on the reached rows only
            PropagationGraph pruned = PropagationGraph.upload(kernel,
                    new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9), DISLIKES, 0.7), 1.0);
            assertEmbeddingGradientMatchesFiniteDifferences(network, pruned, 7, "parameter ");
        }
    }

    /** Multi-hot category vectors over 30 columns: a few non-zeros per item, the kind that takes the sparse path. */
    private static ItemFeatures categoryFeatures(int items) {
        float[][] vectors = new float[items][];
        Random random = new Random(3);
        for (int i = 0; i < items; i++) {
            if (i == 5) {
                continue; // an item without content
            }
            vectors[i] = new float[30];
            vectors[i][i < 6 ? 0 : 1] = 0.6f;
            vectors[i][2 + random.nextInt(28)] = 0.8f;
        }
        return new ItemFeatures(items, java.util.List.of(new ItemFeatures.Modality("category", vectors, 1.0)));
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldGiveTheSameLossAndGradientsWhetherSparseFeaturesTakeTheSparseOrTheDensePath(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = categoryFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withKnnK(3);
        try (TrainingKernel kernel = engine.create(2)) {
            var adjacency = new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9));
            var itemGraph = new ItemKnnGraph(config.knnK()).build(features);
            FreedomNetwork sparse = new FreedomNetwork(kernel, config, 16, 12, itemGraph, features, new Random(5), 1.0);
            FreedomNetwork dense = new FreedomNetwork(kernel, config, 16, 12, itemGraph, features, new Random(5), 0.0);

            double sparseLoss = sparse.lossAndGradient(PropagationGraph.upload(kernel, adjacency, 1.0),
                    USERS, POSITIVES, NEGATIVES);
            double denseLoss = dense.lossAndGradient(PropagationGraph.upload(kernel, adjacency, 1.0),
                    USERS, POSITIVES, NEGATIVES);

            assertEquals(denseLoss, sparseLoss, 1e-6);
            float[] a = sparse.embeddingGradient();
            float[] b = dense.embeddingGradient();
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k], a[k], 1e-6, "embedding component " + k);
            }
            float[] ha = sparse.headGradient(0);
            float[] hb = dense.headGradient(0);
            double norm = 0;
            for (int k = 0; k < ha.length; k++) {
                assertEquals(hb[k], ha[k], 1e-6, "head weight " + k);
                norm += Math.abs(hb[k]);
            }
            assertTrue(norm > 0, "the head must receive a gradient");
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldMatchFiniteDifferencesForContentEmbeddingWeightsAndIdEmbeddings(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = categoryFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withL2(0.3)
                .withKnnK(3).withContentEmbedding(true);
        try (TrainingKernel kernel = engine.create(2)) {
            FreedomNetwork network = new FreedomNetwork(kernel, config, 16, 12,
                    new ItemKnnGraph(config.knnK()).build(features), features, new Random(5), 1.0);
            PropagationGraph pruned = PropagationGraph.upload(kernel,
                    new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9)), 1.0);
            float[] weights = network.contentValues(0);
            network.lossAndGradient(pruned, USERS, POSITIVES, NEGATIVES);
            float[] analyticWeights = network.contentGradient(0);
            double h = 2e-3;
            double norm = 0;
            for (int k = 0; k < weights.length; k += 5) {
                float[] plus = weights.clone();
                float[] minus = weights.clone();
                plus[k] += (float) h;
                minus[k] -= (float) h;
                network.setContentValues(0, plus);
                double up = network.lossAndGradient(pruned, USERS, POSITIVES, NEGATIVES);
                network.setContentValues(0, minus);
                double down = network.lossAndGradient(pruned, USERS, POSITIVES, NEGATIVES);
                assertEquals((up - down) / (2 * h), analyticWeights[k], 2e-3, "content weight " + k);
                norm += Math.abs(analyticWeights[k]);
            }
            assertTrue(norm > 1e-3, "content weights must receive a gradient");
            network.setContentValues(0, weights);
            assertEmbeddingGradientMatchesFiniteDifferences(network, pruned, 7, "embedding ");
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldMatchFiniteDifferencesWithContrastiveTermsAndLayerNoise(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = categoryFeatures(12);
        for (int layer : new int[] {1, 2}) {
            FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withL2(0.3)
                    .withKnnK(3).withContentEmbedding(true)
                    .withContrast(new Contrast(0.7, 0.3, 0.05, layer));
            try (TrainingKernel kernel = engine.create(2)) {
                FreedomNetwork network = new FreedomNetwork(kernel, config, 16, 12,
                        new ItemKnnGraph(config.knnK()).build(features), features, new Random(5), 1.0);
                PropagationGraph pruned = PropagationGraph.upload(kernel,
                        new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9)), 1.0);
                assertEmbeddingGradientMatchesFiniteDifferences(network, pruned, 5, "layer " + layer + ", embedding ");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelEngine.class)
    void shouldAddTheContrastiveTermsToTheLoss(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = SmallGraphs.communityFeatures(12);
        FreedomConfig plain = SmallGraphs.small(FreedomConfig.freedom()).withKnnK(3);
        try (TrainingKernel kernel = engine.create(2)) {
            var adjacency = new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9));
            double without = network(kernel, plain, features).lossAndGradient(
                    PropagationGraph.upload(kernel, adjacency, 1.0), USERS, POSITIVES, NEGATIVES);
            double with = network(kernel, plain.withContrast(new Contrast(0.5, 0.2, 0, 1)), features).lossAndGradient(
                    PropagationGraph.upload(kernel, adjacency, 1.0), USERS, POSITIVES, NEGATIVES);

            // InfoNCE over 3 distinct users and 4 distinct items is at least 0 each and at most log(rows)+2/τ
            assertTrue(with > without, "contrast adds a positive term");
            assertTrue(with - without < 0.5 * (Math.log(3) + 10) + 0.5 * (Math.log(4) + 10));
        }
    }

    /** Central differences of the batch loss in every stride-th embedding component against the analytic gradient. */
    private static void assertEmbeddingGradientMatchesFiniteDifferences(FreedomNetwork network, PropagationGraph graph,
                                                                        int stride, String label) {
        float[] base = network.embeddingValues();
        network.lossAndGradient(graph, USERS, POSITIVES, NEGATIVES);
        float[] analytic = network.embeddingGradient();
        double h = 2e-3;
        for (int k = 0; k < base.length; k += stride) {
            float[] plus = base.clone();
            float[] minus = base.clone();
            plus[k] += (float) h;
            minus[k] -= (float) h;
            network.setEmbeddingValues(plus);
            double up = network.lossAndGradient(graph, USERS, POSITIVES, NEGATIVES);
            network.setEmbeddingValues(minus);
            double down = network.lossAndGradient(graph, USERS, POSITIVES, NEGATIVES);
            assertEquals((up - down) / (2 * h), analytic[k], 2e-3, label + k);
        }
        network.setEmbeddingValues(base);
    }
}
