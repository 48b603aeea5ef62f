package io.stylegraph.graph.imports;

import java.time.Duration;
import java.util.List;

/**
 * What one import did. Counts are rows written (merged) into the graph; {@code errors} holds the first rejected rows
 * (all of them up to {@link GraphImporter#MAX_REPORTED_ERRORS}), {@code rejected} their total; {@code vectors} counts
 * items given precomputed vectors.
 */
public record ImportReport(
        String source,
        long items,
        long outfits,
        long users,
        long interactions,
        long vectors,
        long rejected,
        List<RowError> errors,
        Duration elapsed) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public long rowsWritten() {
        return items + outfits + users + interactions + vectors;
    }

    public double rowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return rowsWritten() / seconds;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %,d items, %,d outfits, %,d users, %,d interactions written%s; %,d rows rejected; %.1f s (%,.0f rows/s)",
                source, items, outfits, users, interactions,
                vectors == 0 ? "" : String.format(java.util.Locale.ROOT, ", %,d items' precomputed vectors", vectors), rejected, elapsed.toNanos() / 1e9, rowsPerSecond());
    }
}
