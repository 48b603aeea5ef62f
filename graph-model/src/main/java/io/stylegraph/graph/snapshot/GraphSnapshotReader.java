package io.stylegraph.graph.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Exports the graph for training (the only place training data leaves Neo4j). */
public final class GraphSnapshotReader {
    /** Node properties holding feature vectors, by modality name. */
    public static final Map<String, String> FEATURE_PROPERTIES = Map.of("visual", "visual", "text", "text");

    /**
     * Item likes and dislikes, plus a like of every item of a liked outfit (at the time of the outfit like) unless
     * the user rated that item directly: liking a look says the shopper likes its pieces. A disliked outfit says
     * only that the combination fails, not that each piece does, so it adds no item dislike.
     */
    private static final String EDGES = """
            MATCH (u:User)-[r:LIKED|DISLIKED]->(i:Item)
            RETURN u.id AS userId, i.id AS itemId, type(r) AS type,
                   CASE WHEN r.at IS NULL THEN null ELSE r.at.epochMillis END AS at,
                   r.position AS position, r.split AS split
            UNION ALL
            MATCH (u:User)-[r:LIKED]->(:Outfit)-[:CONTAINS]->(i:Item)
            WHERE NOT (u)-[:LIKED|DISLIKED]->(i)
            WITH u, i, min(r.at) AS firstLiked
            RETURN u.id AS userId, i.id AS itemId, 'LIKED' AS type,
                   CASE WHEN firstLiked IS NULL THEN null ELSE firstLiked.epochMillis END AS at,
                   null AS position, null AS split
            """;

    private final GraphDatabase graph;

    public GraphSnapshotReader(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    public GraphSnapshot read(boolean withFeatures) {
        return graph.read(tx -> {
            List<String> itemIds = new ArrayList<>();
            Map<String, Map<String, float[]>> features = new HashMap<>();
            FEATURE_PROPERTIES.keySet().forEach(modality -> features.put(modality, new HashMap<>()));
            String items = withFeatures
                    ? "MATCH (i:Item) RETURN i.id AS id, i.visual AS visual, i.text AS text ORDER BY i.id"
                    : "MATCH (i:Item) RETURN i.id AS id ORDER BY i.id";
            tx.run(items).forEachRemaining(record -> {
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
            List<SnapshotEdge> edges = new ArrayList<>();
            tx.run(EDGES).forEachRemaining(record -> edges.add(toEdge(record)));
            return new GraphSnapshot(Instant.now(), itemIds, edges, features);
        });
    }

    private static SnapshotEdge toEdge(Record record) {
        Value at = record.get("at");
        Value position = record.get("position");
        Value split = record.get("split");
        return new SnapshotEdge(record.get("userId").asString(), record.get("itemId").asString(),
                "LIKED".equals(record.get("type").asString()) ? Signal.LIKE : Signal.DISLIKE,
                at.isNull() ? SnapshotEdge.NO_TIME : at.asLong(),
                position.isNull() ? -1 : position.asInt(),
                split.isNull() ? null : split.asString());
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
