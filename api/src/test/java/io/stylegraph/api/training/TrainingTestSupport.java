package io.stylegraph.api.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.search.SearchIndexes;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;

/** Tiny training settings and the two-taste-groups graph for the training API tests. */
public abstract class TrainingTestSupport extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            properties.put("stylegraph.training.artifact-dir", Files.createTempDirectory("models").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("stylegraph.training.max-epochs", "3");
        properties.put("stylegraph.training.dimension", "8");
        return properties;
    }

    /** 40 shoppers in two taste groups: even ones like tops and shoes, odd ones bottoms and dresses, 6 likes each. */
    protected void likeInTwoTasteGroups() {
        graph.run("""
                UNWIND range(0, 39) AS u
                MATCH (i:Item) WHERE (u % 2 = 0 AND i.slot IN ['top', 'shoes']) OR (u % 2 = 1 AND i.slot IN ['bottom', 'dress'])
                WITH u, i ORDER BY i.id
                WITH u, collect(i) AS items
                UNWIND range(0, 5) AS k
                WITH u, items[(u + k * 3) % size(items)] AS item, k
                MERGE (s:User {id: 'shopper-' + u})
                MERGE (s)-[r:LIKED]->(item)
                SET r.at = datetime('2026-01-01T00:00:00Z') + duration({hours: k})
                """, Map.of());
    }

    /** Text vectors that say the slot, so a run builds an item graph and publishes it as SIMILAR edges. */
    protected void giveItemsSlotTextVectors() {
        graph.run("""
                MATCH (i:Item)
                SET i.text = [s IN ['top', 'bottom', 'shoes', 'dress'] | CASE WHEN i.slot = s THEN 1.0 ELSE 0.0 END]
                    + [0.01 * toInteger(split(i.id, '-')[1])]
                """, Map.of());
    }
    /** The results of a recommendations page. */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> results(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }

    /** One field of every result's item, in rank order. */
    @SuppressWarnings("unchecked")
    protected static List<String> field(Map<String, Object> page, String name) {
        return results(page).stream().map(r -> (String) ((Map<String, Object>) r.get("item")).get(name)).toList();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> reason(Map<String, Object> result) {
        return (Map<String, Object>) result.get("reason");
    }

    /**
     * Puts text vectors that say the slot (one-hot over top, bottom, shoes, dress, plus a small per-item component)
     * of resetCatalogue's items into the serving index, as the embedding job would: the content path's input.
     */
    protected static void indexSlotTextVectors(SearchIndexes indexes, String model, int perSlot) {
        indexes.prepare(Modality.TEXT, model, 5);
        List<ItemVector> vectors = new ArrayList<>();
        List<Slot> slots = List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES, Slot.DRESS);
        for (int s = 0; s < slots.size(); s++) {
            for (int i = 0; i < perSlot; i++) {
                vectors.add(new ItemVector(slots.get(s).wireName() + "-" + i, slots.get(s),
                        i % 2 == 0 ? Gender.WOMEN : Gender.MEN, slotVector(s, i)));
            }
        }
        indexes.upsert(Modality.TEXT, model, vectors);
    }

    /** The text vector of item i of slot number s (see {@link #indexSlotTextVectors}). */
    protected static float[] slotVector(int slot, int i) {
        float[] v = new float[5];
        v[slot] = 1f;
        v[4] = 0.05f * i;
        return v;
    }
}
