package io.stylegraph.training.model;

import java.util.Arrays;

/**
 * Each item's strongest neighbours with their weights, as sparse rows ({@code columns[rowStart[i] .. rowStart[i+1])}),
 * and a per-item prior that orders the items no row reaches: what an item-to-item recommender ({@link ItemKnnModel})
 * scores with, and what a served model carries when its run chose to blend one in. A user's score for item j is the
 * prior of j plus, over the liked items, the like's weight times j's weight in the liked item's row.
 * <p>
 * Each row lists its neighbours strongest first (ties by item), so a walk within a {@linkplain #depth budget} reads
 * each liked item's strongest neighbours.
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
        score(liked, weights, out, offset, UNBOUNDED);
    }

    /** A walk budget that reads every neighbour of every like. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * As {@link #score(int[], float[], float[], int)}, reading at most {@link #depth(int[], int) depth(liked, budget)}
     * neighbours of each liked item's row (its strongest).
     */
    public void score(int[] liked, float[] weights, float[] out, int offset, int budget) {
        System.arraycopy(prior, 0, out, offset, prior.length);
        int depth = depth(liked, budget);
        for (int n = 0; n < liked.length; n++) {
            float w = weights == null ? 1f : weights[n];
            int item = liked[n];
            int end = end(item, depth);
            for (int k = rowStart[item]; k < end; k++) {
                out[offset + columns[k]] += w * values[k];
            }
        }
    }

    /**
     * How many neighbours of each liked item's row a walk within {@code budget} entries reads: the budget over the
     * number of liked items whose row has a neighbour, at least one; a shorter row is read whole. A shopper with
     * thousands of likes would otherwise walk to most of the catalogue on every request; within the budget their walk
     * reads each like's strongest neighbours, while a shopper with few likes (200 likes of rows of 200 within a budget
     * of 40,000) walks as without one.
     *
     * @param budget walk entries at most over all likes ({@link #UNBOUNDED}: every neighbour)
     */
    public int depth(int[] liked, int budget) {
        if (budget == UNBOUNDED) {
            return UNBOUNDED;
        }
        if (budget < 1) {
            throw new IllegalArgumentException("walk budget must be positive: " + budget);
        }
        int walking = 0;
        for (int item : liked) {
            if (rowStart[item + 1] > rowStart[item]) {
                walking++;
            }
        }
        return walking == 0 ? UNBOUNDED : Math.max(1, budget / walking);
    }

    /** The end of {@code item}'s row as a walk at {@code depth} neighbours a like reads it. */
    public int end(int item, int depth) {
        int start = rowStart[item];
        int end = rowStart[item + 1];
        return end - start <= depth ? end : start + depth;
    }

    /** Whether some row has {@code item} as a neighbour: items no row reaches score their prior alone. */
    public boolean[] reached() {
        boolean[] reached = new boolean[numItems()];
        for (int column : columns) {
            reached[column] = true;
        }
        return reached;
    }

    /**
     * The same rows, each also reaching the items no row reached, through their lookalikes: an item j with lookalikes
     * L (reached items, for example the nearest by a model's content-aware item embeddings) gets in every row the mean
     * of that row's weights for L, so a user's score for j is the mean of their scores for L. An item nobody liked
     * together with another, such as a new arrival, then ranks where the liked items it resembles rank, instead of at
     * the bottom of every list a blend with this table makes. Rows keep their entries and gain the new ones after
     * them, each row strongest first; rows that reach none of L gain nothing.
     *
     * @param lookalikes per item, the reached items it takes its weights from; null or empty for items left as they
     *                   are
     */
    public ItemNeighbourTable withLookalikes(int[][] lookalikes) {
        int n = numItems();
        if (lookalikes.length != n) {
            throw new IllegalArgumentException(lookalikes.length + " lookalike lists for " + n + " items");
        }
        // the table by column: for each item, the rows that reach it and their weights
        int[] columnStart = new int[n + 1];
        for (int column : columns) {
            columnStart[column + 1]++;
        }
        for (int i = 0; i < n; i++) {
            columnStart[i + 1] += columnStart[i];
        }
        int[] byColumnRow = new int[columns.length];
        float[] byColumnValue = new float[columns.length];
        int[] fill = Arrays.copyOf(columnStart, n);
        for (int row = 0; row < n; row++) {
            for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                int at = fill[columns[k]]++;
                byColumnRow[at] = row;
                byColumnValue[at] = values[k];
            }
        }
        // the new entries, (row, item, weight), gathered per item through a dense accumulator over rows
        int[] extraCount = new int[n];
        java.util.List<int[]> extraRows = new java.util.ArrayList<>();
        java.util.List<float[]> extraValues = new java.util.ArrayList<>();
        int[] extraItems = new int[n];
        int items = 0;
        float[] sum = new float[n];
        int[] touched = new int[n];
        boolean[] seen = new boolean[n];
        for (int item = 0; item < n; item++) {
            int[] from = lookalikes[item];
            if (from == null || from.length == 0) {
                continue;
            }
            int touchedCount = 0;
            for (int lookalike : from) {
                if (lookalike < 0 || lookalike >= n) {
                    throw new IllegalArgumentException("lookalike " + lookalike + " outside 0.." + (n - 1));
                }
                for (int k = columnStart[lookalike]; k < columnStart[lookalike + 1]; k++) {
                    int row = byColumnRow[k];
                    if (!seen[row]) {
                        seen[row] = true;
                        touched[touchedCount++] = row;
                    }
                    sum[row] += byColumnValue[k];
                }
            }
            int[] rows = Arrays.copyOf(touched, touchedCount);
            Arrays.sort(rows);
            float[] weights = new float[touchedCount];
            for (int t = 0; t < touchedCount; t++) {
                weights[t] = sum[rows[t]] / from.length;
                extraCount[rows[t]]++;
                sum[rows[t]] = 0;
                seen[rows[t]] = false;
            }
            extraItems[items++] = item;
            extraRows.add(rows);
            extraValues.add(weights);
        }
        int added = Arrays.stream(extraCount).sum();
        int[] newStart = new int[n + 1];
        for (int row = 0; row < n; row++) {
            newStart[row + 1] = newStart[row] + (rowStart[row + 1] - rowStart[row]) + extraCount[row];
        }
        int[] newColumns = new int[columns.length + added];
        float[] newValues = new float[columns.length + added];
        int[] cursor = new int[n];
        for (int row = 0; row < n; row++) {
            int length = rowStart[row + 1] - rowStart[row];
            System.arraycopy(columns, rowStart[row], newColumns, newStart[row], length);
            System.arraycopy(values, rowStart[row], newValues, newStart[row], length);
            cursor[row] = newStart[row] + length;
        }
        for (int e = 0; e < items; e++) {
            int[] rows = extraRows.get(e);
            float[] weights = extraValues.get(e);
            for (int t = 0; t < rows.length; t++) {
                int at = cursor[rows[t]]++;
                newColumns[at] = extraItems[e];
                newValues[at] = weights[t];
            }
        }
        for (int row = 0; row < n; row++) {
            if (extraCount[row] > 0) {
                strongestFirst(newColumns, newValues, newStart[row], newStart[row + 1]);
            }
        }
        return new ItemNeighbourTable(newStart, newColumns, newValues, prior);
    }

    /** Orders the entries {@code [from, to)} by weight, strongest first, ties by item. */
    private static void strongestFirst(int[] columns, float[] values, int from, int to) {
        long[] keys = new long[to - from];
        for (int at = from; at < to; at++) {
            // weights are non-negative: their bits order as the values do
            int bits = Float.floatToIntBits(Math.max(0f, values[at]));
            keys[at - from] = ((long) (Integer.MAX_VALUE - bits) << 32) | columns[at];
        }
        Arrays.sort(keys);
        for (int at = from; at < to; at++) {
            long key = keys[at - from];
            columns[at] = (int) key;
            values[at] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
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
