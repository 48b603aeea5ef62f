package io.stylegraph.graph.repository;

import io.stylegraph.graph.neo4j.GraphDatabase;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces the graph's {@code (:Item)-[:SIMILAR {score, visual, text, category, version}]->(:Item)} edges with those of a
 * training run's frozen item–item kNN graph, so analysts can query "what is this like" next to likes and outfits.
 * Old edges are deleted in batches (a 44k-item catalogue has ~800k of them) before the new ones are written.
 *
 * <p>Beside the edges one {@code (:EdgeFingerprint {type: 'SIMILAR'})} node records the digest of the item graph they
 * were written from, how many were written and the model version that wrote them, so a retraining whose item graph
 * is the same (new likes, the same items and vectors) keeps them instead of rewriting millions of edges (27 M at 1 M
 * items, about 20 minutes). It is removed before the old edges are deleted and written after the last new edge, so a
 * replacement cut short leaves no fingerprint and is redone.
 */
public final class SimilarItemsPublisher {
    private static final String DELETE = """
            MATCH (:Item)-[s:SIMILAR]->(:Item)
            WITH s LIMIT $limit
            DELETE s
            RETURN count(*) AS deleted
            """;
    private static final String CREATE = """
            UNWIND $rows AS row
            MATCH (a:Item {id: row.item}), (b:Item {id: row.other})
            CREATE (a)-[s:SIMILAR {score: row.score, version: $version}]->(b)
            SET s += row.cosines
            """;

    private static final String FINGERPRINT = """
            MATCH (f:EdgeFingerprint {type: 'SIMILAR'})
            RETURN f.digest AS digest, f.edges AS edges, f.version AS version
            """;
    private static final String FORGET = "MATCH (f:EdgeFingerprint {type: 'SIMILAR'}) DELETE f";
    private static final String REMEMBER = """
            MERGE (f:EdgeFingerprint {type: 'SIMILAR'})
            SET f.digest = $digest, f.edges = $edges, f.version = $version, f.writtenAt = datetime()
            """;

    /** The fingerprint stored with the edges: their item graph's digest, their number and the version that wrote them. */
    public record Stored(String digest, long edges, long version) {
    }

    /**
     * What {@link #replaceUnlessUnchanged} did.
     *
     * @param kept    true when the graph already held the edges of that digest
     * @param edges   the edges in the graph afterwards
     * @param version the model version whose run wrote them (the {@code version} on every edge)
     */
    public record Outcome(boolean kept, long edges, long version) {
    }

    /** One edge: {@code cosines} holds the cosine per modality name ("visual", "text") where the pair is near. */
    public record Edge(String itemId, String otherId, double score, Map<String, Double> cosines) {
        public Edge {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(otherId, "otherId");
            cosines = Map.copyOf(cosines);
        }
    }

    private final GraphDatabase graph;

    public SimilarItemsPublisher(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Deletes every SIMILAR edge, then writes {@code edges}; returns the number written (items missing are skipped). */
    public long replace(List<Edge> edges, long version) {
        return replace(edges.iterator(), edges.size(), version);
    }

    /**
     * As {@link #replace(List, long)}, reading {@code edges} a batch at a time ({@code total} of them, for the
     * progress lines): a run's item graph at 1 M items has about 27 M edges, too many to hold as parameter rows. The
     * fingerprint stored with the old edges is removed; none is stored with these.
     */
    public long replace(Iterator<Edge> edges, long total, long version) {
        graph.write(tx -> tx.run(FORGET).consume()); // the edges no longer match whatever digest was recorded
        Iterator<Map<String, Object>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return edges.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                Edge edge = edges.next();
                return Map.of("item", edge.itemId(), "other", edge.otherId(), "score", edge.score(),
                        "cosines", edge.cosines());
            }
        };
        return EdgeReplacement.replace(graph, DELETE, CREATE, rows, total, Map.of("version", version), "SIMILAR");
    }

    /**
     * Keeps the edges in the graph when they were written from an item graph of the same {@code digest} and are all
     * still there ({@code edges} is then not read); otherwise replaces them with {@code edges} as
     * {@link #replace(Iterator, long, long)} does and records {@code digest} with them.
     */
    public Outcome replaceUnlessUnchanged(String digest, Iterator<Edge> edges, long total, long version) {
        Objects.requireNonNull(digest, "digest");
        Optional<Stored> stored = fingerprint();
        if (stored.isPresent() && stored.get().digest().equals(digest) && count() == stored.get().edges()) {
            return new Outcome(true, stored.get().edges(), stored.get().version());
        }
        long written = replace(edges, total, version);
        graph.write(tx -> tx.run(REMEMBER, Map.of("digest", digest, "edges", written, "version", version)).consume());
        return new Outcome(false, written, version);
    }

    /** The fingerprint of the edges in the graph; empty when none was recorded or a replacement was cut short. */
    public Optional<Stored> fingerprint() {
        return EdgeReplacement.fingerprint(graph, FINGERPRINT, List.of("digest", "edges", "version"))
                .map(row -> new Stored(row.get("digest").asString(), row.get("edges").asLong(),
                        row.get("version").asLong()));
    }

    /** Number of SIMILAR edges in the graph. */
    public long count() {
        return graph.read(tx -> tx.run("MATCH (:Item)-[s:SIMILAR]->(:Item) RETURN count(s) AS n").single()
                .get("n").asLong());
    }
}
