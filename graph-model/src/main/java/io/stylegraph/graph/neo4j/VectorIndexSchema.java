package io.stylegraph.graph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Modality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cosine vector indexes over {@code Item.visual} and {@code Item.text} that analysts query with
 * {@code db.index.vector.queryNodes}. Their dimension follows the encoder in use, so they are created once an encoder
 * is known rather than with the static {@link GraphSchema}, and dropped and created again when the dimension changes.
 */
public final class VectorIndexSchema {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndexSchema.class);

    private VectorIndexSchema() {
    }

    /** Makes sure the modality's index exists with this dimension. Returns true when it had to be (re)created. */
    public static boolean ensure(GraphDatabase graph, Modality modality, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        Optional<Long> existing = dimensionOf(graph, modality);
        if (existing.isPresent() && existing.get() == dimension) {
            return false;
        }
        if (existing.isPresent()) {
            LOG.info("Vector index {} has dimension {}, the encoder gives {}: recreating it", modality.indexName(),
                    existing.get(), dimension);
            graph.run("DROP INDEX " + modality.indexName() + " IF EXISTS", Map.of());
        }
        // index options take no parameters; every part of this statement comes from the enum and an int
        graph.run("CREATE VECTOR INDEX " + modality.indexName() + " IF NOT EXISTS FOR (i:Item) ON i."
                + modality.property() + " OPTIONS {indexConfig: {`vector.dimensions`: " + dimension
                + ", `vector.similarity_function`: 'cosine'}}", Map.of());
        LOG.info("Vector index {} on Item.{}: {} dimensions, cosine", modality.indexName(), modality.property(),
                dimension);
        return true;
    }

    /** The dimension the modality's index was created with, if it exists. */
    public static Optional<Long> dimensionOf(GraphDatabase graph, Modality modality) {
        List<Long> dimensions = graph.read(tx -> tx.run(
                "SHOW VECTOR INDEXES YIELD name, options WHERE name = $name RETURN options",
                Map.of("name", modality.indexName())).list(r -> {
                    Object value = r.get("options").asMap().get("indexConfig") instanceof Map<?, ?> config
                            ? config.get("vector.dimensions") : null;
                    return value instanceof Number n ? n.longValue() : -1L;
                }));
        return dimensions.stream().findFirst();
    }
}
