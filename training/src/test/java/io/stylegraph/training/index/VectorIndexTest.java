package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static VectorIndex exact(int dimension) {
        return new VectorIndex(Modality.VISUAL, "m", dimension, HnswSettings.DEFAULT, Runnable::run,
                DbaSettings.DEFAULT);
    }

    @Test
    void shouldGrowPastItsCapacityAndReplaceItemsInPlace() {
        Random random = new Random(5);
        VectorIndex index = exact(4);
        List<ItemVector> items = RandomVectors.items(random, 2_500, 4);
        for (int from = 0; from < items.size(); from += 300) {
            index.upsert(items.subList(from, Math.min(from + 300, items.size())));
        }
        assertEquals(2_500, index.size());

        float[] moved = {0, 0, 0, 1};
        index.upsert(List.of(new ItemVector("item-00010", Slot.BAG, Gender.MEN, moved, "new-input")));

        assertEquals(2_500, index.size());
        assertArrayEquals(moved, index.vector("item-00010").orElseThrow());
        assertTrue(index.holds("item-00010", Slot.BAG, Gender.MEN, "new-input"));
        assertFalse(index.holds("item-00010", Slot.TOP, Gender.MEN, "new-input"));
        assertFalse(index.holds("item-00010", Slot.BAG, Gender.MEN, "input-10"), "held from its new input");
        assertEquals("item-00010", index.search(moved, new SearchFilter(Slot.BAG, Gender.MEN, null), 1).get(0).itemId());
        assertArrayEquals(items.get(11).vector(), index.vector("item-00011").orElseThrow());
    }

    @Test
    void shouldKeepAnEarlierViewUnchangedWhileItemsAreReplaced() {
        VectorIndex index = exact(2);
        index.upsert(List.of(new ItemVector("a", Slot.TOP, null, new float[] {1, 0}),
                new ItemVector("b", Slot.TOP, null, new float[] {0, 1})));
        long before = index.version();

        index.upsert(List.of(new ItemVector("a", Slot.TOP, null, new float[] {0, 1}),
                new ItemVector("c", Slot.TOP, null, new float[] {0.6f, 0.8f})));

        assertTrue(index.version() > before);
        assertEquals(List.of("a", "b", "c"), index.search(new float[] {0, 1}, SearchFilter.NONE, 3).stream()
                .map(ScoredItem::itemId).toList());
        assertThrows(IllegalArgumentException.class,
                () -> index.upsert(List.of(new ItemVector("d", Slot.TOP, null, new float[] {1, 0, 0}))));
    }

    @Test
    void shouldAverageEachItemWithItsNearestNeighboursUnderDba() {
        VectorIndex index = new VectorIndex(Modality.TEXT, "m", 2, HnswSettings.DEFAULT, Runnable::run,
                new DbaSettings(1, 10));
        float[] a = {1, 0};
        float[] b = {0.8f, 0.6f};
        float[] c = {0, 1};
        index.upsert(List.of(new ItemVector("a", Slot.TOP, null, a), new ItemVector("b", Slot.TOP, null, b),
                new ItemVector("c", Slot.TOP, null, c)));

        Map<String, float[]> augmented = index.augmentedVectors(List.of("a", "c", "ghost"));

        // one neighbour, weight 1/2: a + b/2 and c + b/2, normalized
        assertEquals(2, augmented.size());
        assertArrayEquals(unit(1 + 0.4f, 0.3f), augmented.get("a"), 1e-6f);
        assertArrayEquals(unit(0.4f, 1 + 0.3f), augmented.get("c"), 1e-6f);
        assertTrue(augmented.get("a") == index.augmentedVectors(List.of("a")).get("a"), "cached");
        index.upsert(List.of(new ItemVector("d", Slot.TOP, null, new float[] {1, 0})));
        assertArrayEquals(unit(2, 0), index.augmentedVectors(List.of("a")).get("a"), 1e-6f);
    }

    /** An 8-dimensional text index that asks {@code builds} for its HNSW graph above 100 items. */
    private static VectorIndex graphAbove100(List<Runnable> builds) {
        return new VectorIndex(Modality.TEXT, "m", 8, new HnswSettings(100, 16, 100, 50), builds::add,
                DbaSettings.DEFAULT);
    }

    @Test
    void shouldSwitchToTheHnswGraphAboveTheThresholdAndKeepAddingToIt() {
        Random random = new Random(9);
        List<Runnable> builds = new ArrayList<>();
        VectorIndex index = graphAbove100(builds);
        List<ItemVector> items = RandomVectors.items(random, 400, 8);
        index.upsert(items.subList(0, 100));
        assertTrue(builds.isEmpty());

        index.upsert(items.subList(100, 300));
        assertEquals(1, builds.size());
        assertFalse(index.approximate());
        index.upsert(items.subList(300, 350));
        builds.get(0).run();
        index.upsert(items.subList(350, 400));

        assertTrue(index.approximate());
        for (ItemVector item : List.of(items.get(5), items.get(320), items.get(390))) {
            assertEquals(item.itemId(), index.search(item.vector(), SearchFilter.NONE, 1).get(0).itemId());
        }
        SearchFilter shoes = new SearchFilter(Slot.SHOES, null, items.get(7).itemId());
        List<ScoredItem> found = index.search(items.get(7).vector(), shoes, 10);
        assertEquals(10, found.size());
        assertTrue(found.stream().allMatch(item -> {
            ItemVector held = items.get(Integer.parseInt(item.itemId().substring(5)));
            return index.holds(item.itemId(), Slot.SHOES, held.gender(), held.input());
        }));
        assertFalse(found.stream().anyMatch(item -> item.itemId().equals(items.get(7).itemId())));
    }

    @Test
    void shouldReplaceEveryVectorOfAFullHnswGraph() {
        // hnswlib keeps a replaced item's node (marked deleted) and takes a new one, so replacing all items of a graph
        // built to its size needs room for twice as many nodes; a re-embedded catalogue does exactly that
        Random random = new Random(13);
        List<Runnable> builds = new ArrayList<>();
        VectorIndex index = graphAbove100(builds);
        List<ItemVector> items = RandomVectors.items(random, 300, 8);
        index.upsert(items);
        builds.forEach(Runnable::run);
        assertTrue(index.approximate());

        index.upsert(RandomVectors.items(new Random(14), 300, 8));
        List<ItemVector> latest = RandomVectors.items(new Random(15), 300, 8);
        index.upsert(latest);

        for (ItemVector item : List.of(latest.get(3), latest.get(150), latest.get(299))) {
            assertEquals(item.itemId(), index.search(item.vector(), SearchFilter.NONE, 1).get(0).itemId());
        }
    }

    @Test
    void shouldSearchACopyOfTheGraphsLinksOnceMadeAndMakeItAgainAfterAChange() {
        Random random = new Random(21);
        List<Runnable> builds = new ArrayList<>();
        VectorIndex index = graphAbove100(builds);
        List<ItemVector> items = RandomVectors.items(random, 600, 8);
        index.upsert(items);
        builds.remove(0).run();
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 30; q++) {
            queries.add(RandomVectors.unit(random, 8));
        }
        List<List<String>> byHnswlib = answers(index, queries);
        assertTrue(builds.isEmpty(), "the copy is no graph build");

        awaitCopiedLinks(index);
        List<List<String>> byCopy = answers(index, queries);
        assertEquals(byHnswlib, byCopy);

        // an item moved next to a query: found while the copy is stale (hnswlib), and through the next copy
        ItemVector old = items.get(3);
        float[] query = queries.get(0);
        index.upsert(List.of(new ItemVector(old.itemId(), old.slot(), old.gender(), query.clone(), old.input())));
        assertFalse(index.searchesCopiedLinks());
        assertEquals(old.itemId(), index.search(query, SearchFilter.NONE, 1).get(0).itemId());
        awaitCopiedLinks(index);
        assertEquals(old.itemId(), index.search(query, SearchFilter.NONE, 1).get(0).itemId());
    }

    /** Waits (up to 10 s) for the background copy of the graph's links that a search asks for. */
    private static void awaitCopiedLinks(VectorIndex index) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!index.searchesCopiedLinks()) {
            assertTrue(System.nanoTime() < deadline, "no copy of the links after 10 s");
            index.search(new float[] {1, 0, 0, 0, 0, 0, 0, 0}, SearchFilter.NONE, 1);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Each query's ten nearest items, then its five nearest tops. */
    private static List<List<String>> answers(VectorIndex index, List<float[]> queries) {
        SearchFilter tops = new SearchFilter(Slot.TOP, null, null);
        List<List<String>> answers = new ArrayList<>();
        for (float[] query : queries) {
            answers.add(ids(index.search(query, SearchFilter.NONE, 10)));
            answers.add(ids(index.search(query, tops, 5)));
        }
        return answers;
    }

    private static List<String> ids(List<ScoredItem> found) {
        return found.stream().map(ScoredItem::itemId).toList();
    }

    private static float[] unit(float x, float y) {
        float norm = (float) Math.sqrt(x * x + y * y);
        return new float[] {x / norm, y / norm};
    }
}
