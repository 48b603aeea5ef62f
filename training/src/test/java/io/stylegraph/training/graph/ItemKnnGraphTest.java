package io.stylegraph.training.graph;

import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.data.ItemFeatures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemKnnGraphTest {

    private static final float[][] VISUAL = {
            {1f, 0f}, {0.9f, 0.1f}, {0f, 1f}, {0.1f, 0.9f}, null};

    @Test
    void shouldLinkEachItemToItsMostSimilarItemsWithSymmetricNormalization() {
        ItemFeatures features = new ItemFeatures(5, List.of(new ItemFeatures.Modality("visual", VISUAL, 1.0)));

        CsrMatrix s = new ItemKnnGraph(2).build(features);

        // k = 2 with the item itself included: every row degree is 2, so every weight is 1/√(2·2)
        assertEquals(0.5, s.get(0, 0), 1e-6);
        assertEquals(0.5, s.get(0, 1), 1e-6);
        assertEquals(0.0, s.get(0, 2), 1e-6);
        assertEquals(0.5, s.get(2, 3), 1e-6);
        assertEquals(0, s.rowStart()[5] - s.rowStart()[4], "an item without a vector has no neighbours");
        assertEquals(8, s.nnz());
    }

    @Test
    void shouldMixModalitiesByTheirWeights() {
        float[][] text = {{0f, 1f}, {1f, 0f}, {0f, 1f}, {1f, 0f}, {1f, 1f}};
        ItemFeatures features = new ItemFeatures(5, List.of(
                new ItemFeatures.Modality("visual", VISUAL, 1.0),
                new ItemFeatures.Modality("text", text, 3.0)));

        CsrMatrix s = new ItemKnnGraph(2).build(features);

        // item 0 – item 2 exist only in the text graph (weight 3/4); item 0 – item 1 only in the visual one (1/4)
        assertEquals(0.75 * 0.5, s.get(0, 2), 1e-6);
        assertEquals(0.25 * 0.5, s.get(0, 1), 1e-6);
        assertEquals(0.5, s.get(0, 0), 1e-6);
    }

    @Test
    void shouldKeepTheCosineOfEachNeighbourBestFirst() {
        ItemFeatures features = new ItemFeatures(5, List.of(new ItemFeatures.Modality("visual", VISUAL, 1.0)));

        ItemNeighbours knn = new ItemKnnGraph(2).neighbours(features);

        ItemNeighbours.Modality visual = knn.modalities().get(0);
        assertEquals(2, visual.count()[0]);
        assertEquals(0, visual.index()[0], "an item is its own nearest item");
        assertEquals(1, visual.index()[1]);
        double cosine01 = 0.9 / Math.sqrt(0.82);
        assertEquals(1.0, visual.similarity()[0], 1e-6);
        assertEquals(cosine01, visual.similarity()[1], 1e-6);
        assertEquals(0, visual.count()[4]);
    }

    @Test
    void shouldListDistinctSimilarPairsWithTheirWeightedScore() {
        float[][] text = {{0f, 1f}, {1f, 0f}, {0f, 1f}, {1f, 0f}, {1f, 1f}};
        ItemFeatures features = new ItemFeatures(5, List.of(
                new ItemFeatures.Modality("visual", VISUAL, 1.0),
                new ItemFeatures.Modality("text", text, 3.0)));

        List<ItemNeighbours.Pair> pairs = new ItemKnnGraph(2).neighbours(features).pairs();

        assertTrue(pairs.stream().noneMatch(p -> p.item() == p.other()), "no self-pairs");
        ItemNeighbours.Pair visualOnly = pairs.stream().filter(p -> p.item() == 0 && p.other() == 1).findFirst()
                .orElseThrow();
        assertEquals(java.util.Set.of("visual"), visualOnly.cosines().keySet());
        assertEquals(0.9 / Math.sqrt(0.82), visualOnly.cosines().get("visual"), 1e-6);
        assertEquals(0.25 * 0.9 / Math.sqrt(0.82), visualOnly.score(), 1e-6);
        ItemNeighbours.Pair textOnly = pairs.stream().filter(p -> p.item() == 0 && p.other() == 2).findFirst()
                .orElseThrow();
        assertEquals(0.75, textOnly.score(), 1e-6);
    }

    @Test
    void shouldMakeThePairsOneItemAtATimeInTheListsOrderAndCountThemWithoutMakingThem() {
        ItemFeatures features = clustered(400, 8, 4);
        ItemNeighbours neighbours = new ItemKnnGraph(6).neighbours(features);

        List<ItemNeighbours.Pair> listed = neighbours.pairs();
        List<ItemNeighbours.Pair> iterated = new java.util.ArrayList<>();
        java.util.Iterator<ItemNeighbours.Pair> pairs = neighbours.pairIterator();
        pairs.forEachRemaining(iterated::add);

        assertEquals(listed, iterated);
        assertEquals(listed.size(), neighbours.pairCount());
        assertTrue(listed.size() > 400 * 4, "five neighbours besides itself for most items: " + listed.size());
        assertFalse(pairs.hasNext());
        org.junit.jupiter.api.Assertions.assertThrows(java.util.NoSuchElementException.class, pairs::next);
        assertEquals(0, new ItemNeighbours(3, 2, List.of()).pairCount());
        assertFalse(new ItemNeighbours(3, 2, List.of()).pairIterator().hasNext());
    }

    @Test
    void shouldMeasureTheRecallOfABuildOnASampleOfItems() {
        ItemFeatures features = clustered(3_000, 16, 5);
        int k = 10;

        ItemNeighbours exact = new ItemKnnGraph(k).neighbours(features);
        ItemNeighbours approximate = new ItemKnnGraph(k, 1_000, 4).neighbours(features);
        ItemNeighbours.Modality e = exact.modalities().get(0);
        int[] self = new int[e.index().length];
        for (int i = 0; i < e.count().length; i++) {
            java.util.Arrays.fill(self, i * k, (i + 1) * k, i);
        }
        ItemNeighbours onlyItself = new ItemNeighbours(exact.numItems(), k, List.of(new ItemNeighbours.Modality(
                e.name(), e.weight(), self, e.similarity(), e.count())));

        assertTrue(ItemKnnGraph.sampledRecall(features, exact, 300, 1) >= 0.99);
        double approximateRecall = ItemKnnGraph.sampledRecall(features, approximate, 300, 1);
        assertTrue(approximateRecall >= 0.95, "4 probes: " + approximateRecall);
        // an item's own row is one of its k neighbours (it is its own nearest), the other nine are missed
        assertEquals(0.1, ItemKnnGraph.sampledRecall(features, onlyItself, 300, 1), 0.01);
    }

    /** Items in clusters of Gaussian vectors, item 0 without a vector. */
    private static ItemFeatures clustered(int items, int dim, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] centres = new float[40][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        float[][] vectors = new float[items][];
        for (int i = 1; i < items; i++) {
            float[] c = centres[random.nextInt(centres.length)];
            vectors[i] = new float[dim];
            for (int j = 0; j < dim; j++) {
                vectors[i][j] = c[j] + 0.4f * (float) random.nextGaussian();
            }
        }
        return new ItemFeatures(items, List.of(new ItemFeatures.Modality("visual", vectors, 1)));
    }

    @Test
    void shouldFindMostOfTheExactNeighboursWithTheApproximateBuild() {
        // 2,000 items in 40 clusters of 16-dimensional vectors, one with no vector
        int items = 2_000;
        ItemFeatures features = clustered(items, 16, 3);
        int k = 10;

        ItemNeighbours exact = new ItemKnnGraph(k).neighbours(features);
        ItemNeighbours approximate = new ItemKnnGraph(k, 1_000).neighbours(features);

        ItemNeighbours.Modality e = exact.modalities().get(0);
        ItemNeighbours.Modality a = approximate.modalities().get(0);
        assertEquals(0, a.count()[0], "an item without a vector has no neighbours");
        long found = 0;
        long wanted = 0;
        for (int i = 1; i < items; i++) {
            assertEquals(k, a.count()[i]);
            java.util.Set<Integer> truth = new java.util.HashSet<>();
            for (int n = 0; n < e.count()[i]; n++) {
                truth.add(e.index()[i * k + n]);
            }
            for (int n = 0; n < a.count()[i]; n++) {
                found += truth.contains(a.index()[i * k + n]) ? 1 : 0;
                assertTrue(n == 0 || a.similarity()[i * k + n] <= a.similarity()[i * k + n - 1] + 1e-6f,
                        "best first");
            }
            wanted += truth.size();
        }
        double recall = (double) found / wanted;
        assertTrue(recall >= 0.95, "recall@10 of the approximate build against the exact one: " + recall);
    }
}
