package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;

class ExactScanTest {
    private static final Executor NEVER = task -> {
        throw new AssertionError("no HNSW graph below the threshold");
    };

    private static VectorIndex index(List<ItemVector> items, int dimension) {
        VectorIndex index = new VectorIndex(Modality.TEXT, "m", dimension, HnswSettings.DEFAULT, NEVER,
                DbaSettings.DEFAULT);
        index.upsert(items);
        return index;
    }

    /** Brute force: score every accepted item, sort by score (ties by id), take k. */
    private static List<String> bruteForce(List<ItemVector> items, float[] query, SearchFilter filter, int k) {
        return items.stream()
                .filter(item -> filter.slot() == null || item.slot() == filter.slot())
                .filter(item -> filter.gender() == null || item.gender() == filter.gender())
                .filter(item -> !item.itemId().equals(filter.excludedItemId()))
                .sorted(Comparator.comparingDouble((ItemVector item) -> -RandomVectors.dot(item.vector(), query))
                        .thenComparing(ItemVector::itemId))
                .limit(k)
                .map(ItemVector::itemId)
                .toList();
    }

    @Test
    void shouldReturnTheSameTopKAsBruteForce() {
        Random random = new Random(7);
        List<ItemVector> items = RandomVectors.items(random, 3_000, 37);
        VectorIndex index = index(items, 37);

        for (int q = 0; q < 25; q++) {
            float[] query = RandomVectors.unit(random, 37);
            int k = 1 + random.nextInt(40);
            List<ScoredItem> found = index.search(query, SearchFilter.NONE, k);

            assertEquals(bruteForce(items, query, SearchFilter.NONE, k), found.stream().map(ScoredItem::itemId).toList());
            for (int i = 1; i < found.size(); i++) {
                assertTrue(found.get(i - 1).score() >= found.get(i).score());
            }
        }
    }

    @Test
    void shouldApplyFiltersBeforeTopKAndExcludeTheQueryItem() {
        Random random = new Random(11);
        List<ItemVector> items = RandomVectors.items(random, 2_000, 16);
        VectorIndex index = index(items, 16);
        SearchFilter filter = new SearchFilter(Slot.SHOES, Gender.WOMEN, items.get(1).itemId());

        for (int q = 0; q < 10; q++) {
            float[] query = q == 0 ? items.get(1).vector() : RandomVectors.unit(random, 16);
            List<String> found = index.search(query, filter, 10).stream().map(ScoredItem::itemId).toList();

            assertEquals(bruteForce(items, query, filter, 10), found);
            assertEquals(10, found.size());
        }
    }

    @Test
    void shouldReturnFewerThanKWhenFewerMatchAndNothingFromAnEmptyIndex() {
        List<ItemVector> items = RandomVectors.items(new Random(3), 40, 8);
        VectorIndex index = index(items, 8);
        long bags = items.stream().filter(item -> item.slot() == Slot.BAG).count();

        assertEquals(bags, index.search(items.get(0).vector(), new SearchFilter(Slot.BAG, null, null), 50).size());
        VectorIndex empty = index(List.of(), 8);
        assertEquals(List.of(), empty.search(new float[8], SearchFilter.NONE, 5));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[9], SearchFilter.NONE, 5));
    }

    @Test
    void shouldScoreWithTheCosineOfUnitVectors() {
        VectorIndex index = index(List.of(
                new ItemVector("a", Slot.TOP, null, new float[] {1, 0, 0}),
                new ItemVector("b", Slot.TOP, null, new float[] {0.6f, 0.8f, 0}),
                new ItemVector("c", Slot.TOP, null, new float[] {0, 0, 1})), 3);

        List<ScoredItem> found = index.search(new float[] {1, 0, 0}, SearchFilter.NONE, 3);

        assertEquals(List.of("a", "b", "c"), found.stream().map(ScoredItem::itemId).toList());
        assertEquals(0.6f, found.get(1).score(), 1e-6);
        assertEquals(0.6f, index.score("b", new float[] {1, 0, 0}), 1e-6);
        assertTrue(Float.isNaN(index.score("ghost", new float[] {1, 0, 0})));
    }
}
