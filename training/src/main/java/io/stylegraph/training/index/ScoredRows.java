package io.stylegraph.training.index;

/** Rows of an index snapshot with their scores, best first. */
record ScoredRows(int[] rows, float[] scores) {

    int size() {
        return rows.length;
    }
}
