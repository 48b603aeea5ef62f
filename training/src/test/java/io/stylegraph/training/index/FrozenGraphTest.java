package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.stylegraph.models.Vectors;
import org.junit.jupiter.api.Test;

/** The served item graph's own search over hnswlib's links: what hnswlib's search finds, best first, no boxing. */
class FrozenGraphTest {
    private static final int ITEMS = 3000;
    private static final int D = 16;

    /** Item embeddings of uneven lengths, as a trained model's are. */
    private static float[] embeddings(Random random) {
        float[] vectors = new float[ITEMS * D];
        for (int row = 0; row < ITEMS; row++) {
            float length = 0.5f + 2 * random.nextFloat();
            float[] unit = RandomVectors.unit(random, D);
            for (int k = 0; k < D; k++) {
                vectors[row * D + k] = unit[k] * length;
            }
        }
        return vectors;
    }

    private static String[] ids() {
        String[] ids = new String[ITEMS];
        for (int row = 0; row < ITEMS; row++) {
            ids[row] = "item-" + row;
        }
        return ids;
    }

    private static int row(String id) {
        return Integer.parseInt(id.substring("item-".length()));
    }

    private static Set<Integer> exactTop(float[] vectors, float[] query, int k) {
        TopK top = new TopK(k);
        for (int row = 0; row < ITEMS; row++) {
            top.offer(row, Vectors.dot(vectors, row * D, query, D));
        }
        Set<Integer> rows = new HashSet<>();
        for (int row : top.drain().rows()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void shouldFindTheHighestInnerProductsAsHnswlibsSearchDoesBestFirst() throws Exception {
        Random random = new Random(11);
        float[] vectors = embeddings(random);
        HnswSettings settings = new HnswSettings(0, 16, 100, 40);
        InnerProductIndex index = InnerProductIndex.build(ids(), vectors, D, FrozenGraphTest::row, settings, 1);
        assertTrue(index.frozen(), "the index searches its copied links");
        HnswGraph graph = index.graph();
        FrozenGraph frozen = FrozenGraph.of(graph, FrozenGraphTest::row, vectors, D);
        assertNotNull(frozen, "hnswlib's links could be read");

        double frozenHits = 0;
        double hnswlibHits = 0;
        double same = 0;
        int queries = 100;
        for (int q = 0; q < queries; q++) {
            float[] user = RandomVectors.unit(random, D);
            int[] found = frozen.nearestRows(user, 20, settings.ef());
            Set<Integer> exact = exactTop(vectors, user, 20);

            assertEquals(20, found.length);
            assertEquals(20, Arrays.stream(found).distinct().count(), "no row twice");
            for (int i = 1; i < found.length; i++) {
                assertTrue(Vectors.dot(vectors, found[i - 1] * D, user, D)
                        >= Vectors.dot(vectors, found[i] * D, user, D), "best first");
            }
            frozenHits += Arrays.stream(found).filter(exact::contains).count();
            float[] lifted = Arrays.copyOf(user, D + 1);
            List<Integer> hnswlib = graph.nearest(lifted, 20).stream().map(FrozenGraphTest::row).toList();
            hnswlibHits += hnswlib.stream().filter(exact::contains).count();
            same += Arrays.stream(found).filter(hnswlib::contains).count();
        }
        double frozenRecall = frozenHits / (20.0 * queries);
        double hnswlibRecall = hnswlibHits / (20.0 * queries);
        assertTrue(frozenRecall >= 0.9, "recall@20 " + frozenRecall);
        assertTrue(frozenRecall >= hnswlibRecall - 0.005, frozenRecall + " against hnswlib's " + hnswlibRecall);
        assertTrue(same / (20.0 * queries) >= 0.99, "the rows hnswlib's search finds: " + same / (20.0 * queries));
    }

    @Test
    void shouldNeverReturnADeletedNodeThoughItLinksThroughIt() throws Exception {
        Random random = new Random(12);
        HnswGraph graph = new HnswGraph(D, 500, new HnswSettings(0, 8, 50, 50));
        float[] vectors = new float[500 * D];
        List<HnswGraph.Entry> entries = new ArrayList<>();
        for (int row = 0; row < 500; row++) {
            float[] unit = RandomVectors.unit(random, D);
            System.arraycopy(unit, 0, vectors, row * D, D);
            entries.add(new HnswGraph.Entry("item-" + row, unit));
        }
        graph.addAll(entries, 1);
        graph.remove("item-7");
        FrozenGraph frozen = FrozenGraph.of(graph, FrozenGraphTest::row, vectors, D);
        assertNotNull(frozen);

        float[] query = Arrays.copyOfRange(vectors, 7 * D, 8 * D);
        int[] found = frozen.nearestRows(query, 10, 50);

        assertEquals(10, found.length);
        assertFalse(Arrays.stream(found).anyMatch(row -> row == 7), Arrays.toString(found));
    }

    @Test
    void shouldAnswerConcurrentSearchesAsOneAtATime() throws Exception {
        Random random = new Random(13);
        float[] vectors = embeddings(random);
        InnerProductIndex index = InnerProductIndex.build(ids(), vectors, D, FrozenGraphTest::row,
                new HnswSettings(0, 16, 100, 40), 1);
        FrozenGraph frozen = FrozenGraph.of(index.graph(), FrozenGraphTest::row, vectors, D);
        List<float[]> queries = new ArrayList<>();
        List<int[]> alone = new ArrayList<>();
        for (int q = 0; q < 200; q++) {
            queries.add(RandomVectors.unit(random, D));
            alone.add(frozen.nearestRows(queries.get(q), 20, 40));
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<int[]>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (float[] query : queries) {
                    answers.add(threads.submit(() -> frozen.nearestRows(query, 20, 40)));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(alone.get(i % queries.size()), answers.get(i).get(),
                        "query " + i % queries.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
