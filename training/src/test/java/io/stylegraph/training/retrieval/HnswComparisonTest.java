package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.VectorIndex;
import org.junit.jupiter.api.Test;

class HnswComparisonTest {
    private static final int ITEMS = 600;

    /** Items in every slot and gender with seeded random unit vectors of 12 (visual) and 8 (text) dimensions. */
    private static EmbeddedCatalogue catalogue() {
        Random random = new Random(11);
        List<Item> items = new ArrayList<>();
        Map<String, float[]> visual = new LinkedHashMap<>();
        Map<String, float[]> text = new LinkedHashMap<>();
        Slot[] slots = Slot.values();
        Gender[] genders = Gender.values();
        for (int i = 0; i < ITEMS; i++) {
            String id = "fp-" + i;
            items.add(new Item(id, "item " + i, null, "Tshirts", slots[i % slots.length],
                    genders[i % genders.length], "Blue", Map.of(), null, "test"));
            visual.put(id, unit(random, 12));
            text.put(id, unit(random, 8));
        }
        return new EmbeddedCatalogue(items, Map.of("visual", visual, "text", text));
    }

    private static float[] unit(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalizeInPlace(v);
    }

    @Test
    void shouldCompareAGraphWithTheExactScanOfEachModality() {
        EmbeddedCatalogue catalogue = catalogue();
        HnswComparison comparison = new HnswComparison(catalogue,
                modality -> modality == Modality.VISUAL ? "gradient" : "minilm", DbaSettings.DEFAULT);
        Map<Modality, VectorIndex> exact = new LinkedHashMap<>();
        for (Modality modality : Modality.values()) {
            exact.put(modality, comparison.index(modality, HnswSettings.DEFAULT));
        }
        List<Item> queries = catalogue.items().subList(0, 40);

        List<HnswRow> rows = comparison.compare(exact, new HnswSettings(30_000, 12, 100, 80), queries, 10);

        assertEquals(List.of("visual", "text"), rows.stream().map(HnswRow::modality).toList());
        for (HnswRow row : rows) {
            assertEquals(ITEMS, row.items());
            assertEquals(12, row.m());
            assertEquals(100, row.efConstruction());
            assertEquals(80, row.ef());
            assertTrue(row.recallAt10() > 0.9, "recall " + row.recallAt10());
            assertTrue(row.filteredRecallAt10() > 0.8, "filtered recall " + row.filteredRecallAt10());
            assertEquals(40, row.exact().queries());
            assertEquals(40, row.approximate().queries());
            assertEquals("exact " + row.modality(), row.exact().query());
            assertEquals("hnsw " + row.modality(), row.approximate().query());
        }
        assertFalse(exact.get(Modality.VISUAL).approximate(), "the compared indexes keep scanning exactly");
        assertEquals("gradient", exact.get(Modality.VISUAL).modelId());
        assertEquals(8, exact.get(Modality.TEXT).dimension());
    }

    @Test
    void shouldRecallLessWithAStarvedGraph() {
        EmbeddedCatalogue catalogue = catalogue();
        HnswComparison comparison = new HnswComparison(catalogue, modality -> "m", DbaSettings.DEFAULT);
        Map<Modality, VectorIndex> exact = new LinkedHashMap<>();
        for (Modality modality : Modality.values()) {
            exact.put(modality, comparison.index(modality, HnswSettings.DEFAULT));
        }
        List<Item> queries = catalogue.items().subList(0, 40);

        double rich = comparison.compare(exact, new HnswSettings(0, 16, 200, 200), queries, 10).get(0).recallAt10();
        double starved = comparison.compare(exact, new HnswSettings(0, 2, 1, 1), queries, 10).get(0).recallAt10();

        assertTrue(starved < rich, "starved " + starved + " against " + rich);
    }
}
