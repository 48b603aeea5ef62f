package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads catalogue items, with their like and dislike counts, out of the style graph. */
public final class CatalogueRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private static final String ITEM_FIELDS = """
            i.id AS id, i.title AS title, i.description AS description, i.category AS category, i.slot AS slot,
            i.gender AS gender, i.colour AS colour, i.attributes AS attributes, i.image AS image, i.source AS source,
            i.brand AS brand, i.categories AS categories,
            COUNT { (i)<-[:LIKED]-(:User) } AS likes, COUNT { (i)<-[:DISLIKED]-(:User) } AS dislikes
            """;

    private final GraphDatabase graph;

    public CatalogueRepository(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Streams every item in id order, in pages, so a large catalogue never sits in one result. */
    public void forEachItem(Consumer<RatedItem> consumer) {
        String after = "";
        int page = 10_000;
        while (true) {
            String cursor = after;
            List<RatedItem> batch = graph.read(tx -> tx.run(
                    "MATCH (i:Item) WHERE i.id > $after WITH i ORDER BY i.id LIMIT $limit RETURN " + ITEM_FIELDS,
                    Map.of("after", cursor, "limit", page)).list(CatalogueRepository::toRatedItem));
            batch.forEach(consumer);
            if (batch.size() < page) {
                return;
            }
            after = batch.get(batch.size() - 1).item().id();
        }
    }

    public List<RatedItem> findAll() {
        List<RatedItem> all = new ArrayList<>();
        forEachItem(all::add);
        return all;
    }

    public Optional<RatedItem> findById(String id) {
        return graph.read(tx -> tx.run("MATCH (i:Item {id: $id}) RETURN " + ITEM_FIELDS, Map.of("id", id))
                .list(CatalogueRepository::toRatedItem)).stream().findFirst();
    }

    public boolean outfitExists(String id) {
        return graph.read(tx -> tx.run("MATCH (o:Outfit {id: $id}) RETURN count(o) > 0 AS found", Map.of("id", id))
                .single().get("found").asBoolean());
    }

    /**
     * A cheap summary of the catalogue's state (item and like/dislike edge counts come from Neo4j's count store): when
     * it is unchanged, a cached copy of the catalogue is still current.
     */
    public String fingerprint() {
        return graph.read(tx -> {
            long items = tx.run("MATCH (i:Item) RETURN count(i) AS n").single().get("n").asLong();
            long likes = tx.run("MATCH ()-[r:LIKED]->() RETURN count(r) AS n").single().get("n").asLong();
            long dislikes = tx.run("MATCH ()-[r:DISLIKED]->() RETURN count(r) AS n").single().get("n").asLong();
            return items + ":" + likes + ":" + dislikes;
        });
    }

    public long countItems() {
        return graph.read(tx -> tx.run("MATCH (i:Item) RETURN count(i) AS n").single().get("n").asLong());
    }

    static RatedItem toRatedItem(Record r) {
        Item item = new Item(
                r.get("id").asString(),
                nullableString(r.get("title")),
                nullableString(r.get("description")),
                nullableString(r.get("category")),
                Slot.parse(nullableString(r.get("slot"))).orElse(Slot.OTHER),
                Gender.parse(nullableString(r.get("gender"))).orElse(null),
                nullableString(r.get("colour")),
                parseAttributes(nullableString(r.get("attributes"))),
                nullableString(r.get("image")),
                nullableString(r.get("source")),
                nullableString(r.get("brand")),
                r.get("categories").isNull() ? List.of() : r.get("categories").asList(Value::asString));
        return new RatedItem(item, r.get("likes").asLong(), r.get("dislikes").asLong());
    }

    private static String nullableString(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Map<String, String> parseAttributes(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (java.io.IOException e) {
            Map<String, String> raw = new HashMap<>();
            raw.put("raw", json);
            return raw;
        }
    }
}
