package io.stylegraph.api.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.stylegraph.api.ApiTestSupport;

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
}
