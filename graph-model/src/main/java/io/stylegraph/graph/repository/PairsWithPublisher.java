package io.stylegraph.graph.repository;

import io.stylegraph.graph.neo4j.GraphDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces the graph's {@code (:Item)-[:PAIRS_WITH {score, support, model}]->(:Item)} edges: the item pairs the outfit
 * compatibility model rates highest, for analysts ("what goes with this"). {@code score} is the model's pair score,
 * {@code support} how many stored outfits ({@code CONTAINS}) hold both items. Old edges are deleted in batches
 * before the new ones are written in batches.
 */
public final class PairsWithPublisher {
    private static final String DELETE = """
            MATCH (:Item)-[p:PAIRS_WITH]->(:Item)
            WITH p LIMIT $limit
            DELETE p
            RETURN count(*) AS deleted
            """;
    private static final String CREATE = """
            UNWIND $rows AS row
            MATCH (a:Item {id: row.item}), (b:Item {id: row.other})
            CREATE (a)-[:PAIRS_WITH {score: row.score, support: row.support, model: $model}]->(b)
            """;
    private static final String SUPPORT = """
            MATCH (a:Item)<-[:CONTAINS]-(o:Outfit)-[:CONTAINS]->(b:Item)
            WHERE a.id < b.id
            RETURN a.id AS a, b.id AS b, count(DISTINCT o) AS support
            """;

    /** One edge, from {@code itemId} to {@code otherId}. */
    public record Pair(String itemId, String otherId, double score, long support) {
        public Pair {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(otherId, "otherId");
        }
    }

    private final GraphDatabase graph;

    public PairsWithPublisher(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * How many stored outfits contain each pair of items that occur together at least once; the key is
     * {@link #pairKey(String, String)}.
     */
    public Map<String, Long> outfitSupport() {
        return graph.read(tx -> {
            Map<String, Long> support = new HashMap<>();
            tx.run(SUPPORT).forEachRemaining(r -> support.put(pairKey(r.get("a").asString(), r.get("b").asString()),
                    r.get("support").asLong()));
            return support;
        });
    }

    /** The order-independent key of a pair of item ids in {@link #outfitSupport()}. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    /** Deletes every PAIRS_WITH edge, then writes {@code pairs}; returns the number written (missing items skipped). */
    public long replace(List<Pair> pairs, String model) {
        List<Map<String, Object>> rows = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            rows.add(Map.of("item", pair.itemId(), "other", pair.otherId(), "score", pair.score(),
                    "support", pair.support()));
        }
        return EdgeReplacement.replace(graph, DELETE, CREATE, rows, Map.of("model", model));
    }

    /** Number of PAIRS_WITH edges in the graph. */
    public long count() {
        return graph.read(tx -> tx.run("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) RETURN count(p) AS n").single()
                .get("n").asLong());
    }
}
