package io.stylegraph.graph.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * Writes batches with the {@link ImportStatements} over Bolt, one managed transaction per batch: the path for an
 * external Neo4j, and for the embedded store when asked for. Likes and dislikes take the row-by-row
 * {@link ImportStatements#MERGE_INTERACTIONS} unless {@link GraphImporter.InteractionWrites#BATCHED} is chosen.
 */
final class CypherWrites implements BatchWriter {
    private final GraphDatabase graph;
    private final BatchedCypherInteractions batched;

    CypherWrites(GraphDatabase graph, GraphImporter.InteractionWrites interactionWrites) {
        this.graph = graph;
        this.batched = interactionWrites == GraphImporter.InteractionWrites.BATCHED
                ? new BatchedCypherInteractions(graph) : null;
    }

    @Override
    public void items(List<Map<String, Object>> rows) {
        run(ImportStatements.MERGE_ITEMS, rows);
    }

    @Override
    public void users(List<Map<String, Object>> rows) {
        run(ImportStatements.MERGE_USERS, rows);
    }

    @Override
    public List<String> vectors(List<Map<String, Object>> rows) {
        return graph.write(tx -> {
            for (String modality : List.of("visual", "text")) {
                tx.run(String.format(Locale.ROOT, ImportStatements.STORE_VECTORS, modality),
                        Map.of("rows", rows, "input", PrecomputedVectors.INPUT)).consume();
            }
            return tx.run(ImportStatements.MISSING_ITEMS, Map.of("rows", rows)).list();
        }).stream().map(record -> record.get("missingItemId").asString()).toList();
    }

    @Override
    public List<Missing> outfits(List<Map<String, Object>> rows) {
        return run(ImportStatements.MERGE_OUTFITS, rows).stream().map(record -> new Missing(
                record.get("outfitId").asString(), record.get("missingItemId").asString())).toList();
    }

    @Override
    public List<Missing> interactions(List<Map<String, Object>> rows) {
        if (batched != null) {
            return batched.write(rows);
        }
        return run(ImportStatements.MERGE_INTERACTIONS, rows).stream().map(record -> new Missing(
                record.get("userId").asString(), record.get("missingItemId").asString())).toList();
    }

    private List<Record> run(String cypher, List<Map<String, Object>> rows) {
        return graph.write(tx -> tx.run(cypher, Map.of("rows", rows)).list());
    }
}
