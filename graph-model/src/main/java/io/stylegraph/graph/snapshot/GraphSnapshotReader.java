package io.stylegraph.graph.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Exports the graph for training (the only place training data leaves Neo4j). */
public final class GraphSnapshotReader {
    /** Node properties holding feature vectors, by modality name. */
    public static final Map<String, String> FEATURE_PROPERTIES = Map.of("visual", "visual", "text", "text");

    /** Item likes and dislikes. */
    static final String EDGES = """
            MATCH (u:User)-[r:LIKED|DISLIKED]->(i:Item)
            RETURN u.id AS userId, i.id AS itemId, type(r) AS type,
                   CASE WHEN r.at IS NULL THEN null ELSE r.at.epochMillis END AS at,
                   r.position AS position, r.split AS split
            """;

    /**
     * Every item of a liked outfit the user did not rate directly, once per liked outfit holding it: liking a look
     * says the shopper likes its pieces ({@link #read} keeps one like per user and item, at the earliest outfit like).
     * A disliked outfit says only that the combination fails, not that each piece does, so it adds no item dislike.
     * Not aggregated here: grouping every (user, item) pair in the transaction is bounded by Neo4j's transaction
     * memory, the JVM's map by its heap.
     */
    static final String OUTFIT_ITEMS = """
            MATCH (u:User)-[r:LIKED]->(:Outfit)-[:CONTAINS]->(i:Item)
            WHERE NOT (u)-[:LIKED|DISLIKED]->(i)
            RETURN u.id AS userId, i.id AS itemId, CASE WHEN r.at IS NULL THEN null ELSE r.at.epochMillis END AS at
            """;

    /**
     * Each item's content: its category names (the stored order of {@code categories} first, then its main
     * {@code category}, then any other {@code IN_CATEGORY} names in name order), brand, gender, colour and source
     * attributes. Unordered, as {@link #items} (the terms are kept by item id).
     */
    static final String CONTENT = """
            MATCH (i:Item)
            WITH i, COLLECT { MATCH (i)-[:IN_CATEGORY]->(c:Category) RETURN c.name ORDER BY c.name } AS linked
            WITH i, coalesce(i.categories, []) AS stored, linked
            WITH i, stored + [name IN [i.category] WHERE name IS NOT NULL AND NOT name IN stored] AS stored, linked
            WITH i, stored + [name IN linked WHERE NOT name IN stored] AS categories
            WHERE size(categories) > 0 OR i.brand IS NOT NULL OR i.gender IS NOT NULL OR i.colour IS NOT NULL
               OR i.attributes IS NOT NULL
            RETURN i.id AS id, categories, i.brand AS brand, i.gender AS gender, i.colour AS colour,
                   i.attributes AS attributes
            """;

    /**
     * Source attributes that say what an item is, by stored attribute name, with the prefix of their term:
     * fashion-products' master and sub category, H&M's product group. (Article and product type are the items'
     * category; base colour and colour group their colour.)
     */
    public static final Map<String, String> TERM_ATTRIBUTES = Map.of(
            "masterCategory", "masterCategory", "subCategory", "subCategory", "productGroupName", "productGroup");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphDatabase graph;

    public GraphSnapshotReader(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Every item, unordered: {@link #read} sorts the ids itself. A sort in the query holds every row in the
     * transaction, whose memory is limited ({@code STYLEGRAPH_NEO4J_TX_MEMORY_MB}, 256 MiB); at 1 M items the content
     * query's sort went over it and failed the training run's snapshot.
     */
    static String items(boolean withFeatures) {
        return withFeatures
                ? "MATCH (i:Item) RETURN i.id AS id, i.visual AS visual, i.text AS text"
                : "MATCH (i:Item) RETURN i.id AS id";
    }

    public GraphSnapshot read(boolean withFeatures) {
        return graph.read(tx -> {
            List<String> itemIds = new ArrayList<>();
            Map<String, Map<String, float[]>> features = new HashMap<>();
            FEATURE_PROPERTIES.keySet().forEach(modality -> features.put(modality, new HashMap<>()));
            tx.run(items(withFeatures)).forEachRemaining(record -> {
                String id = record.get("id").asString();
                itemIds.add(id);
                if (withFeatures) {
                    FEATURE_PROPERTIES.forEach((modality, property) -> {
                        Value vector = record.get(property);
                        if (!vector.isNull()) {
                            features.get(modality).put(id, toFloats(vector));
                        }
                    });
                }
            });
            itemIds.sort(Comparator.naturalOrder());
            // every edge's ids as one shared string per user and item: the driver makes a new string per value,
            // two per edge (at 10 M likes about a gigabyte of copies of 1.4 M ids)
            Map<String, String> ids = new HashMap<>(2 * itemIds.size());
            itemIds.forEach(id -> ids.put(id, id));
            List<SnapshotEdge> edges = new ArrayList<>();
            tx.run(EDGES).forEachRemaining(record -> edges.add(toEdge(record, ids)));
            // one like per user and item of their liked outfits, at the earliest outfit like that has a time
            Map<List<String>, Long> outfitLikes = new LinkedHashMap<>();
            tx.run(OUTFIT_ITEMS).forEachRemaining(record -> {
                Value at = record.get("at");
                long time = at.isNull() ? SnapshotEdge.NO_TIME : at.asLong();
                outfitLikes.merge(List.of(shared(ids, record.get("userId").asString()),
                        shared(ids, record.get("itemId").asString())), time, GraphSnapshotReader::earlier);
            });
            outfitLikes.forEach((pair, time) -> edges.add(new SnapshotEdge(pair.get(0), pair.get(1), Signal.LIKE, time,
                    -1, null)));
            Map<String, List<String>> terms = new HashMap<>();
            tx.run(CONTENT).forEachRemaining(record -> {
                List<String> itemTerms = terms(record);
                if (!itemTerms.isEmpty()) {
                    terms.put(record.get("id").asString(), itemTerms);
                }
            });
            return new GraphSnapshot(Instant.now(), itemIds, edges, features, terms);
        });
    }

    /**
     * An item's content terms, each once, in this order: {@code category:<name>} per category, {@code brand:<name>},
     * {@code gender:<gender>}, {@code colour:<colour>}, then the {@link #TERM_ATTRIBUTES} the item has
     * ({@code masterCategory:Apparel}, ...). Names are kept as the catalogue spells them.
     */
    static List<String> terms(Record record) {
        Set<String> terms = new LinkedHashSet<>();
        record.get("categories").asList(Value::asString).forEach(name -> add(terms, "category", name));
        add(terms, "brand", string(record.get("brand")));
        add(terms, "gender", string(record.get("gender")));
        add(terms, "colour", string(record.get("colour")));
        String attributes = string(record.get("attributes"));
        if (attributes != null) {
            Map<String, String> values = parseAttributes(attributes);
            new TreeMap<>(TERM_ATTRIBUTES).forEach((attribute, prefix) -> add(terms, prefix, values.get(attribute)));
        }
        return List.copyOf(terms);
    }

    private static void add(Set<String> terms, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(prefix + ":" + value.strip());
        }
    }

    private static String string(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static Map<String, String> parseAttributes(String json) {
        try {
            Map<String, String> values = new HashMap<>();
            JSON.readTree(json).fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    values.put(field.getKey(), field.getValue().asText());
                }
            });
            return values;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The earlier of two times, a time before none. */
    private static long earlier(long a, long b) {
        if (a == SnapshotEdge.NO_TIME) {
            return b;
        }
        return b == SnapshotEdge.NO_TIME ? a : Math.min(a, b);
    }

    private static SnapshotEdge toEdge(Record record, Map<String, String> ids) {
        Value at = record.get("at");
        Value position = record.get("position");
        Value split = record.get("split");
        return new SnapshotEdge(shared(ids, record.get("userId").asString()),
                shared(ids, record.get("itemId").asString()),
                "LIKED".equals(record.get("type").asString()) ? Signal.LIKE : Signal.DISLIKE,
                at.isNull() ? SnapshotEdge.NO_TIME : at.asLong(),
                position.isNull() ? -1 : position.asInt(),
                split.isNull() ? null : shared(ids, split.asString()));
    }

    /** The one copy of {@code id} the snapshot keeps. */
    private static String shared(Map<String, String> ids, String id) {
        String kept = ids.putIfAbsent(id, id);
        return kept == null ? id : kept;
    }

    private static float[] toFloats(Value vector) {
        List<Object> values = vector.asList();
        float[] floats = new float[values.size()];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = ((Number) values.get(i)).floatValue();
        }
        return floats;
    }
}
