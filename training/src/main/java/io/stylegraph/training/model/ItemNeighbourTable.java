package io.stylegraph.training.model;

import java.util.Arrays;

/**
 * Each item's strongest neighbours with their weights, as sparse rows ({@code columns[rowStart[i] .. rowStart[i+1])}),
 * and a per-item prior that orders the items no row reaches: what an item-to-item recommender ({@link ItemKnnModel})
 * scores with, and what a served model carries when its run chose to blend one in. A user's score for item j is the
 * prior of j plus, over the liked items, the like's weight times j's weight in the liked item's row.
 */
public record ItemNeighbourTable(int[] rowStart, int[] columns, float[] values, float[] prior) {

    public ItemNeighbourTable {
        int numItems = prior.length;
        if (rowStart.length != numItems + 1 || rowStart[0] != 0 || rowStart[numItems] != columns.length
                || values.length != columns.length) {
            throw new IllegalArgumentException("row offsets, columns and values do not describe " + numItems
                    + " rows");
        }
        for (int i = 0; i < numItems; i++) {
            if (rowStart[i] > rowStart[i + 1]) {
                throw new IllegalArgumentException("row offsets decrease at row " + i);
            }
        }
        for (int column : columns) {
            if (column < 0 || column >= numItems) {
                throw new IllegalArgumentException("neighbour " + column + " outside 0.." + (numItems - 1));
            }
        }
    }

    public int numItems() {
        return prior.length;
    }

    /** Neighbours kept over all items. */
    public int size() {
        return columns.length;
    }

    /**
     * Writes into {@code out[offset .. offset + numItems())} the scores of every item for the given liked item rows,
     * each counting with its weight ({@code weights} null: 1 each).
     */
    public void score(int[] liked, float[] weights, float[] out, int offset) {
        System.arraycopy(prior, 0, out, offset, prior.length);
        for (int n = 0; n < liked.length; n++) {
            float w = weights == null ? 1f : weights[n];
            int item = liked[n];
            for (int k = rowStart[item]; k < rowStart[item + 1]; k++) {
                out[offset + columns[k]] += w * values[k];
            }
        }
    }

    /**
     * Raises the (non-negative) scores {@code scores[offset .. offset + length)} to {@code exponent} in (0, 1]; 1
     * leaves them as they are. Below 1 the order stays and the spread between the strongest items and the rest
     * shrinks, which is what a blend that standardizes both sides feels.
     */
    public static void compress(float[] scores, int offset, int length, double exponent) {
        if (exponent == 1) {
            return;
        }
        // square roots for the common powers: a served request takes one per item, an evaluation pass one per item
        // and user, and Math.pow costs several times a square root
        if (exponent == 0.5) {
            for (int i = offset; i < offset + length; i++) {
                scores[i] = (float) Math.sqrt(Math.max(0f, scores[i]));
            }
        } else if (exponent == 0.25) {
            for (int i = offset; i < offset + length; i++) {
                scores[i] = (float) Math.sqrt(Math.sqrt(Math.max(0f, scores[i])));
            }
        } else {
            for (int i = offset; i < offset + length; i++) {
                scores[i] = (float) Math.pow(Math.max(0f, scores[i]), exponent);
            }
        }
    }

    /** Refuses an exponent outside (0, 1]. */
    public static void checkExponent(double exponent) {
        if (!(exponent > 0 && exponent <= 1)) {
            throw new IllegalArgumentException("exponent must be in (0, 1]: " + exponent);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemNeighbourTable t && Arrays.equals(rowStart, t.rowStart)
                && Arrays.equals(columns, t.columns) && Arrays.equals(values, t.values) && Arrays.equals(prior, t.prior);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ItemNeighbourTable[" + numItems() + " items, " + size() + " neighbours]";
    }
}
