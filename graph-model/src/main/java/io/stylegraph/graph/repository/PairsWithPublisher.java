package io.stylegraph.graph.repository;

import io.stylegraph.graph.neo4j.GraphDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces the graph's {@code (:Item)-[:PAIRS_WITH {score, support, model}]->(:Item)} edges: the item pairs the outfit
 * compatibility model rates highest, for analysts ("what goes with this"). {@code score} is the model's pair score,
 * {@code support} how many stored outfits ({@code CONTAINS}) hold both items. Old edges are deleted in batches
 * before the new ones are written in batches.
 *
 * <p>Beside the edges one {@code (:EdgeFingerprint {type: 'PAIRS_WITH'})} node records what they were computed from
 * ({@link Fingerprint}: the model, the catalogue, the outfit support and the parameters, each as a digest) and how many
 * were written, so a later start can keep them when nothing changed. It is removed before the old edges are deleted
 * and written after the last new edge, so a replacement cut short leaves no fingerprint and is redone.
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
    private static final String FINGERPRINT = """
            MATCH (f:EdgeFingerprint {type: 'PAIRS_WITH'})
            RETURN f.model AS model, f.catalogue AS catalogue, f.support AS support, f.parameters AS parameters,
                   f.edges AS edges
            """;
    private static final String FORGET = "MATCH (f:EdgeFingerprint {type: 'PAIRS_WITH'}) DELETE f";
    private static final String REMEMBER = """
            MERGE (f:EdgeFingerprint {type: 'PAIRS_WITH'})
            SET f.model = $model, f.catalogue = $catalogue, f.support = $support, f.parameters = $parameters,
                f.edges = $edges, f.modelId = $modelId, f.writtenAt = datetime()
            """;

    /** One edge, from {@code itemId} to {@code otherId}. */
    public record Pair(String itemId, String otherId, double score, long support) {
        public Pair {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(otherId, "otherId");
        }
    }

    /**
     * What a set of edges was computed from, each part a digest (or a short description) of one input: {@code model}
     * the compatibility model, {@code catalogue} the items as the model reads them, {@code support} the stored
     * outfits' pair counts, {@code parameters} the mining's settings.
     */
    public record Fingerprint(String model, String catalogue, String support, String parameters) {
        public Fingerprint {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(catalogue, "catalogue");
            Objects.requireNonNull(support, "support");
            Objects.requireNonNull(parameters, "parameters");
        }

        /** The names of the parts that differ from {@code other}'s, in declaration order; empty when all agree. */
        public List<String> changedFrom(Fingerprint other) {
            List<String> changed = new ArrayList<>();
            if (!model.equals(other.model)) {
                changed.add("model");
            }
            if (!catalogue.equals(other.catalogue)) {
                changed.add("catalogue");
            }
            if (!support.equals(other.support)) {
                changed.add("support");
            }
            if (!parameters.equals(other.parameters)) {
                changed.add("parameters");
            }
            return changed;
        }
    }

    /** The fingerprint recorded with the edges and the number of edges written under it. */
    public record Stored(Fingerprint fingerprint, long edges) {
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

    /**
     * Deletes every PAIRS_WITH edge, then writes {@code pairs} and records {@code fingerprint} with them; returns the
     * number written (missing items skipped).
     */
    public long replace(List<Pair> pairs, String model, Fingerprint fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        List<Map<String, Object>> rows = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            rows.add(Map.of("item", pair.itemId(), "other", pair.otherId(), "score", pair.score(),
                    "support", pair.support()));
        }
        graph.write(tx -> tx.run(FORGET).consume());
        long written = EdgeReplacement.replace(graph, DELETE, CREATE, rows, Map.of("model", model),
                "PAIRS_WITH");
        graph.write(tx -> tx.run(REMEMBER, Map.of("model", fingerprint.model(), "catalogue", fingerprint.catalogue(),
                "support", fingerprint.support(), "parameters", fingerprint.parameters(), "edges", written,
                "modelId", model)).consume());
        return written;
    }

    /** The fingerprint of the edges in the graph; empty when none was recorded or a replacement was cut short. */
    public Optional<Stored> fingerprint() {
        return EdgeReplacement.fingerprint(graph, FINGERPRINT, List.of("model", "catalogue", "support", "parameters",
                "edges")).map(row -> new Stored(new Fingerprint(row.get("model").asString(),
                row.get("catalogue").asString(), row.get("support").asString(), row.get("parameters").asString()),
                row.get("edges").asLong()));
    }

    /** Number of PAIRS_WITH edges in the graph. */
    public long count() {
        return graph.read(tx -> tx.run("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) RETURN count(p) AS n").single()
                .get("n").asLong());
    }
}
