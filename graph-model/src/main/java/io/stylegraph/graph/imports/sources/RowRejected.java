package io.stylegraph.graph.imports.sources;

/** Thrown while converting one row; the source catches it, reports the row with this reason and goes on. */
final class RowRejected extends RuntimeException {
    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
