package io.stylegraph.training.index;

/** Rows of an index snapshot with their scores, best first. */
public record ScoredRows(int[] rows, float[] scores) {

    public int size() {
        return rows.length;
    }
}
