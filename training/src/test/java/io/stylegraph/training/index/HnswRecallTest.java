package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;

/** HNSW answers are approximate: recall@10 against the exact scan on random vectors, unfiltered and filtered. */
class HnswRecallTest {
    private static final int DIMENSION = 24;

    @Test
    void shouldFindMostOfTheExactTopTenUnfilteredAndFiltered() {
        Random random = new Random(42);
        List<ItemVector> items = RandomVectors.items(random, 4_000, DIMENSION);
        VectorIndex exact = new VectorIndex(Modality.TEXT, "m", DIMENSION, HnswSettings.DEFAULT, Runnable::run,
                DbaSettings.DEFAULT);
        VectorIndex approximate = new VectorIndex(Modality.TEXT, "m", DIMENSION, new HnswSettings(1_000, 16, 100, 64),
                Runnable::run, DbaSettings.DEFAULT);
        exact.upsert(items);
        approximate.upsert(items);
        assertTrue(approximate.approximate());

        double unfiltered = recall(exact, approximate, random, SearchFilter.NONE);
        double filtered = recall(exact, approximate, random, new SearchFilter(Slot.TOP, Gender.WOMEN, null));

        assertTrue(unfiltered >= 0.9, "unfiltered recall@10 " + unfiltered);
        assertTrue(filtered >= 0.9, "filtered recall@10 " + filtered);
    }

    private static double recall(VectorIndex exact, VectorIndex approximate, Random random, SearchFilter filter) {
        int hits = 0;
        int total = 0;
        for (int q = 0; q < 100; q++) {
            float[] query = RandomVectors.unit(random, DIMENSION);
            Set<String> truth = new HashSet<>();
            exact.search(query, filter, 10).forEach(item -> truth.add(item.itemId()));
            for (ScoredItem found : approximate.search(query, filter, 10)) {
                hits += truth.contains(found.itemId()) ? 1 : 0;
            }
            total += truth.size();
        }
        return (double) hits / total;
    }
}
