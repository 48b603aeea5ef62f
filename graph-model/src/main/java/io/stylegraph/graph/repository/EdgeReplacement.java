package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces every edge of one type in batches: first deletes the old ones, {@code limit} per transaction (a catalogue
 * of 44k items has hundreds of thousands), then creates the new ones from {@code $rows}, a batch per transaction.
 * Each batch commits on its own, so a replacement is not atomic: readers may see a partial set while it runs. Progress
 * (edges deleted, then written of all, rate and time left) is logged every ten seconds or so.
 */
final class EdgeReplacement {
    static final int BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(EdgeReplacement.class);
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private EdgeReplacement() {
    }

    /**
     * @param delete     Cypher deleting up to {@code $limit} edges and returning {@code deleted}
     * @param create     Cypher creating the edges of {@code $rows} (plus {@code parameters})
     * @param rows       one parameter map per edge
     * @param parameters further parameters of {@code create}, the same for every batch
     * @param type       the edges' type, for the progress lines
     * @return the number of edges created
     */
    static long replace(GraphDatabase graph, String delete, String create, List<Map<String, Object>> rows,
                        Map<String, Object> parameters, String type) {
        return replace(graph, delete, create, rows.iterator(), rows.size(), parameters, type);
    }

    /**
     * As {@link #replace(GraphDatabase, String, String, List, Map, String)}, the rows read a batch at a time from
     * {@code rows}, so no more than one batch of them is held: {@code total} is their number, for the progress lines.
     */
    static long replace(GraphDatabase graph, String delete, String create, Iterator<Map<String, Object>> rows,
                        long total, Map<String, Object> parameters, String type) {
        long started = System.nanoTime();
        long lastLine = started;
        long deleted;
        long deletedAll = 0;
        do {
            deleted = graph.write(tx -> tx.run(delete, Map.of("limit", BATCH)).single().get("deleted").asLong());
            deletedAll += deleted;
            if (System.nanoTime() - lastLine > PROGRESS_NANOS) {
                lastLine = System.nanoTime();
                LOG.info("{}: {} old edges deleted", type, deletedAll);
            }
        } while (deleted == BATCH);
        long writing = System.nanoTime();
        long written = 0;
        long read = 0;
        while (rows.hasNext()) {
            List<Map<String, Object>> batchRows = new ArrayList<>(BATCH);
            while (batchRows.size() < BATCH && rows.hasNext()) {
                batchRows.add(rows.next());
            }
            read += batchRows.size();
            Map<String, Object> batch = new java.util.HashMap<>(parameters);
            batch.put("rows", batchRows);
            written += graph.write(tx -> tx.run(create, batch).consume().counters().relationshipsCreated());
            if (System.nanoTime() - lastLine > PROGRESS_NANOS && rows.hasNext()) {
                lastLine = System.nanoTime();
                double seconds = Math.max((lastLine - writing) / 1e9, 1e-9);
                LOG.info("{}: {}/{} edges written ({} edges/s, about {} s left)", type, read, total,
                        Math.round(read / seconds), Math.round(Math.max(0, total - read) * seconds / read));
            }
        }
        LOG.info("{}: {} old edges deleted, {} written in {} ms", type, deletedAll, written,
                (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /**
     * The row of an edge type's {@code EdgeFingerprint} node ({@code query} returns it), when it has a value for each
     * of {@code keys}; empty when there is none or a value is missing.
     */
    static Optional<Record> fingerprint(GraphDatabase graph, String query, List<String> keys) {
        return graph.read(tx -> {
            var result = tx.run(query);
            if (!result.hasNext()) {
                return Optional.<Record>empty();
            }
            Record row = result.next();
            return keys.stream().anyMatch(key -> row.get(key).isNull()) ? Optional.<Record>empty() : Optional.of(row);
        });
    }
}
