package io.stylegraph.graph.imports;

/** A row that was skipped, with where it came from and why. {@code line} is 1-based; 0 when not line-oriented. */
public record RowError(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
