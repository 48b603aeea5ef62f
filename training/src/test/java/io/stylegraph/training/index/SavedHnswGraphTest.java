package io.stylegraph.training.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.PrecomputedVectors;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built HNSW graph saved beside the data and loaded by the next index of the same vectors instead of built. */
class SavedHnswGraphTest {
    private static final int DIMENSION = 16;
    private static final HnswSettings SETTINGS = new HnswSettings(100, 12, 60, 40);

    @TempDir
    Path folder;

    /** An index as a start fills it: the graph waits until every vector is in, then is loaded or built at once. */
    private static VectorIndex filled(String modelId, HnswSettings settings, Path file, List<ItemVector> items) {
        VectorIndex index = new VectorIndex(Modality.VISUAL, modelId, DIMENSION, settings, Runnable::run,
                DbaSettings.DEFAULT, file);
        index.deferGraph();
        for (int from = 0; from < items.size(); from += 250) {
            index.upsert(items.subList(from, Math.min(from + 250, items.size())));
        }
        index.resumeGraph();
        return index;
    }

    private static List<List<ScoredItem>> answers(VectorIndex index, List<float[]> queries) {
        List<List<ScoredItem>> out = new ArrayList<>();
        for (float[] query : queries) {
            out.add(index.search(query, SearchFilter.NONE, 10));
            out.add(index.search(query, new SearchFilter(Slot.TOP, Gender.WOMEN, null), 5));
        }
        return out;
    }

    private static List<float[]> queries(Random random) {
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queries.add(RandomVectors.unit(random, DIMENSION));
        }
        return queries;
    }

    @Test
    void shouldAnswerExactlyLikeTheBuiltGraphOnceLoadedBack() throws IOException {
        Random random = new Random(21);
        List<ItemVector> items = RandomVectors.items(random, 1_500, DIMENSION);
        Path file = folder.resolve("visual.hnsw");
        VectorIndex built = filled("m", SETTINGS, file, items);
        assertEquals(Optional.of("built"), built.graphSource());
        assertTrue(Files.size(file) > 1_500L * DIMENSION * Float.BYTES, "saved with every vector");

        VectorIndex loaded = filled("m", SETTINGS, file, items);

        assertEquals(Optional.of("loaded"), loaded.graphSource());
        List<float[]> queries = queries(random);
        assertEquals(answers(built, queries), answers(loaded, queries));
        for (ItemVector item : List.of(items.get(0), items.get(777), items.get(1_499))) {
            assertEquals(item.itemId(), loaded.search(item.vector(), SearchFilter.NONE, 1).get(0).itemId());
        }
    }

    @Test
    void shouldFindTheNearestOfAFewHandPlacedItemsAfterLoading() {
        List<ItemVector> items = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 120; i++) {
            items.add(new ItemVector("filler-" + i, Slot.TOP, Gender.MEN, RandomVectors.unit(random, DIMENSION)));
        }
        float[] east = new float[DIMENSION];
        east[0] = 1;
        float[] north = new float[DIMENSION];
        north[1] = 1;
        items.add(new ItemVector("east", Slot.SHOES, Gender.WOMEN, east));
        items.add(new ItemVector("north", Slot.SHOES, Gender.WOMEN, north));
        Path file = folder.resolve("hand.hnsw");
        filled("m", SETTINGS, file, items);

        VectorIndex loaded = filled("m", SETTINGS, file, items);

        assertEquals(Optional.of("loaded"), loaded.graphSource());
        assertEquals(List.of("east"), ids(loaded.search(east, SearchFilter.NONE, 1)));
        assertEquals(List.of("north", "east"), ids(loaded.search(north, new SearchFilter(Slot.SHOES, null, null), 2)));
    }

    @Test
    void shouldIgnoreACorruptFileBuildAgainAndSaveAWholeOne() throws IOException {
        Random random = new Random(4);
        List<ItemVector> items = RandomVectors.items(random, 600, DIMENSION);
        Path file = folder.resolve("visual.hnsw");
        filled("m", SETTINGS, file, items);
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = bytes.length() / 2;
            bytes.seek(middle);
            int b = bytes.read();
            bytes.seek(middle);
            bytes.write(b ^ 0x5a);
        }

        VectorIndex rebuilt = filled("m", SETTINGS, file, items);

        assertEquals(Optional.of("built"), rebuilt.graphSource());
        assertEquals(Optional.of("loaded"), filled("m", SETTINGS, file, items).graphSource(), "the file was rewritten");
    }

    @Test
    void shouldIgnoreATruncatedOrForeignFileAndBuildAgain() throws IOException {
        Random random = new Random(5);
        List<ItemVector> items = RandomVectors.items(random, 600, DIMENSION);
        Path file = folder.resolve("visual.hnsw");
        filled("m", SETTINGS, file, items);
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length / 3));
        assertEquals(Optional.of("built"), filled("m", SETTINGS, file, items).graphSource());
        Files.write(file, Arrays.copyOf(whole, 10));
        assertEquals(Optional.of("built"), filled("m", SETTINGS, file, items).graphSource());
        Files.writeString(file, "not a graph at all, just some words in a file that happens to have the name");
        assertEquals(Optional.of("built"), filled("m", SETTINGS, file, items).graphSource());
        assertEquals(Optional.of("loaded"), filled("m", SETTINGS, file, items).graphSource());
    }

    @Test
    void shouldBuildAgainForAnotherModelOrOtherGraphSettings() {
        Random random = new Random(6);
        List<ItemVector> items = RandomVectors.items(random, 600, DIMENSION);
        Path file = folder.resolve("visual.hnsw");
        filled("m", SETTINGS, file, items);

        HnswSettings otherM = new HnswSettings(100, 8, 60, 40);
        assertEquals(Optional.of("built"), filled("m", otherM, file, items).graphSource(), "other M");
        HnswSettings otherEfConstruction = new HnswSettings(100, 8, 90, 40);
        assertEquals(Optional.of("built"), filled("m", otherEfConstruction, file, items).graphSource(),
                "other efConstruction");
        assertEquals(Optional.of("built"), filled("other-model", otherEfConstruction, file, items).graphSource(),
                "other model");
        HnswSettings otherSearchEf = new HnswSettings(200, 8, 90, 70);
        assertEquals(Optional.of("loaded"), filled("other-model", otherSearchEf, file, items).graphSource(),
                "the threshold and the search-time ef do not shape the graph");
    }

    @Test
    void shouldBringASavedGraphUpToDateWithTheItemsChangedSinceItWasSaved() {
        Random random = new Random(7);
        List<ItemVector> items = RandomVectors.items(random, 1_200, DIMENSION);
        Path file = folder.resolve("visual.hnsw");
        filled("m", SETTINGS, file, items.subList(0, 1_000));
        HnswFile.Header before = header(file);
        // 100 removed, 200 added, one moved
        List<ItemVector> now = new ArrayList<>(items.subList(100, 1_200));
        ItemVector moved = new ItemVector(now.get(0).itemId(), Slot.BAG, Gender.MEN,
                RandomVectors.unit(random, DIMENSION));
        now.set(0, moved);

        VectorIndex caughtUp = filled("m", SETTINGS, file, now);

        assertEquals(Optional.of("loaded"), caughtUp.graphSource());
        for (ItemVector item : List.of(moved, now.get(500), now.get(1_099))) {
            assertEquals(item.itemId(), caughtUp.search(item.vector(), SearchFilter.NONE, 1).get(0).itemId());
        }
        HnswFile.Header after = header(file);
        assertEquals(1_000, before.count());
        assertEquals(1_100, after.count(), "saved again as brought up to date");
        assertNotEquals(before.checksum(), after.checksum());
        HnswFile.Saved saved = HnswFile.read(file, after, SETTINGS).orElseThrow();
        assertEquals(1_100, saved.graph().size(), "the removed items left the graph");
        assertFalse(saved.graph().ids().contains(items.get(0).itemId()));
    }

    @Test
    void shouldRestoreTheWholeIndexFromItsFileAndVouchOnlyForTheInputsItKnows() {
        Random random = new Random(9);
        List<ItemVector> items = new ArrayList<>();
        for (ItemVector item : RandomVectors.items(random, 900, DIMENSION)) {
            int n = items.size();
            String input = n % 3 == 0 ? "digest-" + n : n % 3 == 1 ? PrecomputedVectors.INPUT : null;
            items.add(new ItemVector(item.itemId(), item.slot(), item.gender(), item.vector(), input));
        }
        Path file = folder.resolve("text.hnsw");
        VectorIndex built = filled("m", SETTINGS, file, items);

        VectorIndex restored = new VectorIndex(Modality.VISUAL, "m", DIMENSION, SETTINGS, command -> {
            throw new AssertionError("a restored index builds nothing");
        }, DbaSettings.DEFAULT, file);

        assertTrue(restored.restoreSaved());
        assertEquals(900, restored.size());
        assertTrue(restored.approximate());
        assertEquals(Optional.of("loaded"), restored.graphSource());
        List<float[]> queries = queries(random);
        assertEquals(answers(built, queries), answers(restored, queries));
        ItemVector known = items.get(3);
        assertArrayEquals(known.vector(), restored.vector(known.itemId()).orElseThrow());
        assertTrue(restored.holds(known.itemId(), known.slot(), known.gender(), "digest-3"));
        assertFalse(restored.holds(known.itemId(), known.slot(), known.gender(), "digest-of-new-words"),
                "an input changed since the save");
        ItemVector imported = items.get(4);
        assertFalse(restored.holds(imported.itemId(), imported.slot(), imported.gender(), PrecomputedVectors.INPUT),
                "the marker of an imported vector does not say which vector");
        ItemVector unknown = items.get(5);
        assertFalse(restored.holds(unknown.itemId(), unknown.slot(), unknown.gender(), null));
        assertFalse(restored.restoreSaved(), "only an empty index restores");

        // read again from the graph, the imported one is held from then on
        restored.upsert(List.of(imported));
        assertTrue(restored.holds(imported.itemId(), imported.slot(), imported.gender(), PrecomputedVectors.INPUT));
    }

    @Test
    void shouldNotRestoreFromADamagedFileOrOneForAnotherModel() throws IOException {
        Random random = new Random(10);
        List<ItemVector> items = RandomVectors.items(random, 400, DIMENSION);
        Path file = folder.resolve("text.hnsw");
        filled("m", SETTINGS, file, items);

        assertFalse(index("other-model", file).restoreSaved());
        byte[] whole = Files.readAllBytes(file);
        whole[whole.length / 4] ^= 0x5a;
        Files.write(file, whole);
        VectorIndex damaged = index("m", file);
        assertFalse(damaged.restoreSaved());
        assertEquals(0, damaged.size());
    }

    private static VectorIndex index(String modelId, Path file) {
        return new VectorIndex(Modality.VISUAL, modelId, DIMENSION, SETTINGS, Runnable::run, DbaSettings.DEFAULT,
                file);
    }

    /**
     * The resource was saved by this index while it lived in the service module (200 items of 8 dimensions from seed
     * 5, {@link #SETTINGS}); its stream names the graph's serializers under that former package.
     */
    @Test
    void shouldLoadAGraphSavedBeforeTheIndexMovedPackage() throws IOException {
        Path file = folder.resolve("visual.hnsw");
        try (var saved = SavedHnswGraphTest.class.getResourceAsStream("saved-before-the-move.hnsw")) {
            Files.copy(saved, file);
        }
        List<ItemVector> items = RandomVectors.items(new Random(5), 200, 8);
        VectorIndex index = new VectorIndex(Modality.VISUAL, "m", 8, SETTINGS, Runnable::run, DbaSettings.DEFAULT,
                file);
        assertFalse(index.restoreSaved(), "a graph saved without its rows cannot serve alone");
        index.deferGraph();
        index.upsert(items);
        index.resumeGraph();

        assertEquals(Optional.of("loaded"), index.graphSource());
        for (ItemVector item : List.of(items.get(0), items.get(99), items.get(199))) {
            assertEquals(item.itemId(), index.search(item.vector(), SearchFilter.NONE, 1).get(0).itemId());
        }
    }

    @Test
    void shouldChecksumIdsAndVectorsWhateverTheirOrder() {
        Random random = new Random(8);
        List<ItemVector> items = RandomVectors.items(random, 300, DIMENSION);
        List<ItemVector> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        List<ItemVector> nudged = new ArrayList<>(items);
        float[] vector = nudged.get(42).vector().clone();
        vector[3] = Math.nextUp(vector[3]);
        nudged.set(42, new ItemVector(nudged.get(42).itemId(), Slot.TOP, null, vector));

        assertEquals(checksum(items), checksum(reversed));
        assertNotEquals(checksum(items), checksum(nudged));
        assertNotEquals(checksum(items), checksum(items.subList(0, 299)));
    }

    private static long checksum(List<ItemVector> items) {
        VectorIndex index = new VectorIndex(Modality.TEXT, "m", DIMENSION, HnswSettings.DEFAULT, Runnable::run,
                DbaSettings.DEFAULT);
        index.upsert(items);
        return index.checksum();
    }

    private static HnswFile.Header header(Path file) {
        HnswFile.Header any = new HnswFile.Header("m", DIMENSION, SETTINGS.m(), SETTINGS.efConstruction(), 0, 0);
        return HnswFile.read(file, any, SETTINGS).orElseThrow().header();
    }

    private static List<String> ids(List<ScoredItem> found) {
        return found.stream().map(ScoredItem::itemId).toList();
    }
}
