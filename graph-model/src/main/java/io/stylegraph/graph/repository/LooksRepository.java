package io.stylegraph.graph.repository;

import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the graph knows about looks an item appears in: stored outfits that {@code CONTAIN} it and photos
 * ({@code (:Photo)-[:FEATURES]->(:Item)}) that feature it. Read by label and relationship name only, so it works
 * whether or not any photos have been imported.
 */
public final class LooksRepository {
    private static final String OUTFITS = """
            MATCH (o:Outfit)-[:CONTAINS]->(:Item {id: $itemId})
            WITH o ORDER BY o.id LIMIT $limit
            MATCH (o)-[c:CONTAINS]->(i:Item)
            RETURN o.id AS id, collect([i.id, c.slot]) AS members
            ORDER BY id
            """;
    private static final String LIKED = """
            MATCH (:User)-[:LIKED]->(o:Outfit)
            WITH DISTINCT o
            MATCH (o)-[c:CONTAINS]->(i:Item)
            RETURN o.id AS id, collect([i.id, c.slot]) AS members
            ORDER BY id
            """;
    private static final String PHOTOS = """
            MATCH (p:Photo)-[f:FEATURES]->(:Item {id: $itemId})
            RETURN p.id AS id, p.source AS source, toString(p.createdAt) AS createdAt, p.image IS NOT NULL AS hasImage,
                   f.slot AS slot
            ORDER BY id LIMIT $limit
            """;

    /** A stored outfit and its members. */
    public record StoredOutfit(String id, List<OutfitMember> members) {
        public StoredOutfit {
            Objects.requireNonNull(id, "id");
            members = List.copyOf(members);
        }
    }

    /**
     * A photo that features the item: what may be shown to any shopper. The image's storage path and the id of the
     * shopper who saved the look stay in the graph.
     */
    public record FeaturingPhoto(String id, String source, String createdAt, boolean hasImage, String slot) {
    }

    private final GraphDatabase graph;

    public LooksRepository(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Up to {@code limit} outfits that contain the item, by outfit id. */
    public List<StoredOutfit> outfitsContaining(String itemId, int limit) {
        return graph.read(tx -> tx.run(OUTFITS, Map.of("itemId", itemId, "limit", limit))
                .list(LooksRepository::storedOutfit));
    }

    /** Every outfit at least one shopper likes, by outfit id: extra positive examples for the compatibility model. */
    public List<StoredOutfit> likedOutfits() {
        return graph.read(tx -> tx.run(LIKED).list(LooksRepository::storedOutfit));
    }

    private static StoredOutfit storedOutfit(org.neo4j.driver.Record r) {
        List<OutfitMember> members = new ArrayList<>();
        for (Object member : r.get("members").asList()) {
            List<?> pair = (List<?>) member;
            members.add(new OutfitMember((String) pair.get(0),
                    pair.get(1) == null ? Slot.OTHER : Slot.parse(pair.get(1).toString()).orElse(Slot.OTHER)));
        }
        return new StoredOutfit(r.get("id").asString(), members);
    }

    /** Up to {@code limit} photos that feature the item, by photo id. */
    public List<FeaturingPhoto> photosFeaturing(String itemId, int limit) {
        return graph.read(tx -> tx.run(PHOTOS, Map.of("itemId", itemId, "limit", limit)).list(r -> new FeaturingPhoto(
                text(r, "id"), text(r, "source"), text(r, "createdAt"), r.get("hasImage").asBoolean(),
                text(r, "slot"))));
    }

    private static String text(org.neo4j.driver.Record r, String key) {
        return r.get(key).isNull() ? null : r.get(key).asString();
    }
}
