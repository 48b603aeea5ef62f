package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.graph.DegreeSensitiveEdgeSampler;
import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.kernel.KernelEngine;
import io.stylegraph.training.kernel.TrainingKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void shouldMatchFiniteDifferencesThroughLayersItemGraphModalitiesDislikeEdgesAndL2(KernelEngine engine) {
        InteractionMatrix likes = SmallGraphs.twoCommunities().train();
        ItemFeatures features = SmallGraphs.communityFeatures(12);
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withModalityLossWeight(0.5).withL2(0.3)
                .withKnnK(3);
        int[] users = USERS;
        int[] positives = POSITIVES;
        int[] negatives = NEGATIVES;
        try (TrainingKernel kernel = engine.create(2)) {
            FreedomNetwork network = new FreedomNetwork(kernel, config, 16, 12,
                    new ItemKnnGraph(config.knnK()).build(features), features, new Random(5));
            // fullShare 1: every product runs on the reached rows only
            PropagationGraph pruned = PropagationGraph.upload(kernel,
                    new DegreeSensitiveEdgeSampler(likes, 0.6).sampleAdjacency(new Random(9), DISLIKES, 0.7), 1.0);
            float[] base = network.embeddingValues();
            network.lossAndGradient(pruned, users, positives, negatives);
            float[] analytic = network.embeddingGradient();
            double h = 2e-3;
            for (int k = 0; k < base.length; k += 7) {
                float[] plus = base.clone();
                float[] minus = base.clone();
                plus[k] += (float) h;
                minus[k] -= (float) h;
                network.setEmbeddingValues(plus);
                double up = network.lossAndGradient(pruned, users, positives, negatives);
                network.setEmbeddingValues(minus);
                double down = network.lossAndGradient(pruned, users, positives, negatives);
                assertEquals((up - down) / (2 * h), analytic[k], 2e-3, "parameter " + k);
            }
        }
    }
}
