package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stylegraph.graph.neo4j.GraphDatabase;

/**
 * Writes a served model's embeddings onto the graph ({@code User.embedding}, {@code Item.embedding}, with the model
 * version in {@code embeddingVersion}) so analysts can query them next to the style graph.
 */
public final class EmbeddingPublisher {
    private static final int BATCH = 2_000;
    private static final String PUBLISH = """
            UNWIND $rows AS row
            MATCH (n:%s {id: row.id})
            CALL db.create.setNodeVectorProperty(n, 'embedding', row.vector)
            SET n.embeddingVersion = $version
            """;

    private final GraphDatabase graph;

    public EmbeddingPublisher(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Returns the number of nodes written. {@code vectors} is row-major, one row of {@code dimension} per id. */
    public long publish(String label, List<String> ids, float[] vectors, int dimension, long version) {
        if (!label.equals("User") && !label.equals("Item")) {
            throw new IllegalArgumentException("embeddings are published on User or Item nodes, not " + label);
        }
        String cypher = PUBLISH.formatted(label);
        long written = 0;
        List<Map<String, Object>> rows = new ArrayList<>(BATCH);
        for (int row = 0; row < ids.size(); row++) {
            List<Float> vector = new ArrayList<>(dimension);
            for (int d = 0; d < dimension; d++) {
                vector.add(vectors[row * dimension + d]);
            }
            rows.add(Map.of("id", ids.get(row), "vector", vector));
            if (rows.size() == BATCH || row == ids.size() - 1) {
                List<Map<String, Object>> batch = List.copyOf(rows);
                rows.clear();
                graph.write(tx -> tx.run(cypher, Map.of("rows", batch, "version", version)).consume());
                written += batch.size();
            }
        }
        return written;
    }
}
