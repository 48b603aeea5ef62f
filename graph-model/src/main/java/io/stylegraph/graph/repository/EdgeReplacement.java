package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;

/**
 * Replaces every edge of one type in batches: first deletes the old ones, {@code limit} per transaction (a catalogue
 * of 44k items has hundreds of thousands), then creates the new ones from {@code $rows}, a batch per transaction.
 * Each batch commits on its own, so a replacement is not atomic: readers may see a partial set while it runs.
 */
final class EdgeReplacement {
    static final int BATCH = 5_000;

    private EdgeReplacement() {
    }

    /**
     * @param delete     Cypher deleting up to {@code $limit} edges and returning {@code deleted}
     * @param create     Cypher creating the edges of {@code $rows} (plus {@code parameters})
     * @param rows       one parameter map per edge
     * @param parameters further parameters of {@code create}, the same for every batch
     * @return the number of edges created
     */
    static long replace(GraphDatabase graph, String delete, String create, List<Map<String, Object>> rows,
                        Map<String, Object> parameters) {
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run(delete, Map.of("limit", BATCH)).single().get("deleted").asLong());
        } while (deleted == BATCH);
        long written = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            Map<String, Object> batch = new java.util.HashMap<>(parameters);
            batch.put("rows", new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + BATCH))));
            written += graph.write(tx -> tx.run(create, batch).consume().counters().relationshipsCreated());
        }
        return written;
    }
}
