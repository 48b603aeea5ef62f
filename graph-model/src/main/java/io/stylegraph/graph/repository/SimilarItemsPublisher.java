package io.stylegraph.graph.repository;

import io.stylegraph.graph.neo4j.GraphDatabase;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces the graph's {@code (:Item)-[:SIMILAR {score, visual, text, category, version}]->(:Item)} edges with those of a
 * training run's frozen item–item kNN graph, so analysts can query "what is this like" next to likes and outfits.
 * Old edges are deleted in batches (a 44k-item catalogue has ~800k of them) before the new ones are written.
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
     * progress lines): a run's item graph at 1 M items has about 27 M edges, too many to hold as parameter rows.
     */
    public long replace(Iterator<Edge> edges, long total, long version) {
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

    /** Number of SIMILAR edges in the graph. */
    public long count() {
        return graph.read(tx -> tx.run("MATCH (:Item)-[s:SIMILAR]->(:Item) RETURN count(s) AS n").single()
                .get("n").asLong());
    }
}
