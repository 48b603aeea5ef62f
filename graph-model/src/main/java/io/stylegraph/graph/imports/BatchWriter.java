package io.stylegraph.graph.imports;

import java.util.List;
import java.util.Map;

/**
 * Writes one batch of {@link GraphImporter}'s rows into the graph as one transaction: applied whole or, when it throws,
 * not at all. Each kind of row leaves the graph the {@link ImportStatements} leave it, whichever way it is written:
 * {@link CypherWrites} sends those statements over Bolt, {@link CoreApiWrites} does the same with the embedded store's
 * Java API. One instance per import run (a writer may keep what it learnt during the run).
 */
interface BatchWriter {

    /** Merges the items and their category edges. */
    void items(List<Map<String, Object>> rows);

    /** Merges the users with their attributes. */
    void users(List<Map<String, Object>> rows);

    /** Stores precomputed vectors; answers the item ids the graph does not hold (their rows are not written). */
    List<String> vectors(List<Map<String, Object>> rows);

    /** Merges the outfits and their members; answers the members skipped because the graph lacks their item. */
    List<Missing> outfits(List<Map<String, Object>> rows);

    /**
     * Applies likes and dislikes in the order given, the newest opinion of a pair replacing an older opposite one;
     * answers one entry per row rejected because the graph lacks its item.
     */
    List<Missing> interactions(List<Map<String, Object>> rows);

    /** A row's reference to an item the graph does not hold: the outfit or user that made it, and the item's id. */
    record Missing(String owner, String itemId) {
    }
}
