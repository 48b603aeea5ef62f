package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Value;

/**
 * Looks as data: {@code (:Photo {id, image, source, userId, createdAt})-[:FEATURES {slot, box}]->(:Item)}, a street
 * or user photo and the catalogue items it shows. {@code image} is where the photo's file lies (null when none was
 * kept), {@code source} who made the look ({@code api} or {@code import:<folder>}), {@code userId} the user who
 * saved it through the API (null for imports), {@code createdAt} when it was first written. On an edge, {@code slot}
 * is the slot the item fills in the look and {@code box} the garment's region in the photo as
 * {@code [x0, y0, x1, y1]} pixels; both may be absent.
 */
public final class PhotoRepository {
    private static final String SAVE = """
            UNWIND $looks AS look
            WITH look, [f IN look.items WHERE EXISTS { MATCH (:Item {id: f.itemId}) }] AS present
            WHERE size(present) > 0
            MERGE (p:Photo {id: look.id})
            ON CREATE SET p.createdAt = datetime()
            SET p.image = look.image, p.source = look.source, p.userId = look.userId
            WITH p, present
            UNWIND present AS featured
            MATCH (i:Item {id: featured.itemId})
            MERGE (p)-[f:FEATURES]->(i)
            SET f.slot = featured.slot, f.box = featured.box
            RETURN count(f) AS linked
            """;
    private static final String FIND = """
            MATCH (p:Photo {id: $id})
            OPTIONAL MATCH (p)-[f:FEATURES]->(i:Item)
            RETURN p.id AS id, p.image AS image, p.source AS source, p.userId AS userId,
                   toString(p.createdAt) AS createdAt,
                   [x IN collect({itemId: i.id, slot: f.slot, box: f.box}) WHERE x.itemId IS NOT NULL] AS items
            """;

    /** One item in a look; {@code slot} and {@code box} ({@code [x0, y0, x1, y1]}) may be null. */
    public record FeaturedItem(String itemId, String slot, List<Double> box) {
        public FeaturedItem {
            Objects.requireNonNull(itemId, "itemId");
            box = box == null ? null : List.copyOf(box);
        }
    }

    /** A photo and the items it features; {@code createdAt} is filled when read back. */
    public record Look(String photoId, String image, String source, String userId, List<FeaturedItem> items,
                       String createdAt) {
        public Look {
            Objects.requireNonNull(photoId, "photoId");
            items = List.copyOf(items);
        }
    }

    private final GraphDatabase graph;

    public PhotoRepository(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Writes the looks in one transaction: creates or updates each photo and links it to its items (idempotent).
     * Items not in the graph are skipped, and so is a photo none of whose items is there; returns the number of
     * FEATURES edges in place for the given items.
     */
    public long save(List<Look> looks) {
        if (looks.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> rows = new ArrayList<>(looks.size());
        for (Look look : looks) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (FeaturedItem item : look.items()) {
                Map<String, Object> row = new HashMap<>();
                row.put("itemId", item.itemId());
                row.put("slot", item.slot());
                row.put("box", item.box());
                items.add(row);
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", look.photoId());
            row.put("image", look.image());
            row.put("source", look.source());
            row.put("userId", look.userId());
            row.put("items", items);
            rows.add(row);
        }
        return graph.write(tx -> {
            var result = tx.run(SAVE, Map.of("looks", rows));
            return result.hasNext() ? result.single().get("linked").asLong() : 0L;
        });
    }

    public Optional<Look> find(String photoId) {
        return graph.read(tx -> {
            var result = tx.run(FIND, Map.of("id", photoId));
            if (!result.hasNext()) {
                return Optional.<Look>empty();
            }
            var record = result.single();
            List<FeaturedItem> items = record.get("items").asList(v -> new FeaturedItem(v.get("itemId").asString(),
                    v.get("slot").isNull() ? null : v.get("slot").asString(),
                    v.get("box").isNull() ? null : v.get("box").asList(Value::asDouble)));
            return Optional.of(new Look(record.get("id").asString(), text(record.get("image")),
                    text(record.get("source")), text(record.get("userId")), items, text(record.get("createdAt"))));
        });
    }

    public long count() {
        return graph.read(tx -> tx.run("MATCH (p:Photo) RETURN count(p) AS n").single().get("n").asLong());
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
