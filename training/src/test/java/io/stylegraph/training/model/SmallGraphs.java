package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.Split;

import java.util.List;

/** Inline graphs for trainer tests. */
final class SmallGraphs {

    private SmallGraphs() {
    }

    /**
     * Two taste communities of 8 users and 6 items each: every user likes 5 of the community's 6 items, drawn with a
     * fixed seed and dealt 3 to train, 1 to valid and 1 to test.
     */
    static Split twoCommunities() {
        int users = 16;
        int items = 12;
        java.util.Random random = new java.util.Random(11);
        InteractionMatrix.Builder train = InteractionMatrix.builder(users, items);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(users, items);
        InteractionMatrix.Builder test = InteractionMatrix.builder(users, items);
        for (int u = 0; u < users; u++) {
            int base = u < 8 ? 0 : 6;
            List<Integer> community = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
            java.util.Collections.shuffle(community, random);
            for (int k = 0; k < 5; k++) {
                int item = base + community.get(k);
                (k < 3 ? train : k == 3 ? valid : test).add(u, item);
            }
        }
        return new Split(train.build(), valid.build(), test.build());
    }

    /** Two-dimensional "visual" features: community 0's items point one way, community 1's the other. */
    static ItemFeatures communityFeatures(int items) {
        float[][] visual = new float[items][];
        float[][] text = new float[items][];
        for (int i = 0; i < items; i++) {
            boolean first = i < 6;
            visual[i] = first ? new float[] {1f, 0.05f * i} : new float[] {0.05f * i, 1f};
            text[i] = first ? new float[] {1f, 0f, 0.1f * i} : new float[] {0f, 1f, 0.1f * i};
        }
        return new ItemFeatures(items, List.of(new ItemFeatures.Modality("visual", visual, 0.1),
                new ItemFeatures.Modality("text", text, 0.9)));
    }

    static FreedomConfig small(FreedomConfig base) {
        return base.withDimension(4).withBatchSize(8).withLearningRate(0.02).withThreads(2).withSeed(42);
    }
}
