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
 * <p>
 * Items no row reaches may have lookalikes ({@code lookalikeStart}, {@code lookalikes}: per item a list of reached
 * items, CSR; both null when no item has any): such an item gains the mean of what a user's walk gave its lookalikes
 * ({@link #withLookalikes}). They are kept as lists rather than written into the rows: at 1 M items an unreached item
 * would have needed an entry in each of the thousands of rows reaching its lookalikes (at 230k items the lookalikes
 * of 37k unreached items took the rows from 36 M entries to 87 M).
 */
public record ItemNeighbourTable(int[] rowStart, int[] columns, float[] values, float[] prior, int[] lookalikeStart,
                                 int[] lookalikes) {

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
        boolean[] reached = new boolean[numItems];
        for (int column : columns) {
            if (column < 0 || column >= numItems) {
                throw new IllegalArgumentException("neighbour " + column + " outside 0.." + (numItems - 1));
            }
            reached[column] = true;
        }
        if ((lookalikeStart == null) != (lookalikes == null)) {
            throw new IllegalArgumentException("lookalike offsets and lookalikes come together");
        }
        if (lookalikeStart != null) {
            if (lookalikeStart.length != numItems + 1 || lookalikeStart[0] != 0
                    || lookalikeStart[numItems] != lookalikes.length) {
                throw new IllegalArgumentException("lookalike offsets do not describe " + numItems + " items");
            }
            for (int i = 0; i < numItems; i++) {
                if (lookalikeStart[i] > lookalikeStart[i + 1]) {
                    throw new IllegalArgumentException("lookalike offsets decrease at item " + i);
                }
                if (lookalikeStart[i] < lookalikeStart[i + 1] && reached[i]) {
                    throw new IllegalArgumentException("item " + i + " has lookalikes but a row reaches it");
                }
            }
            for (int lookalike : lookalikes) {
                if (lookalike < 0 || lookalike >= numItems) {
                    throw new IllegalArgumentException("lookalike " + lookalike + " outside 0.." + (numItems - 1));
                }
                if (lookalikeStart[lookalike] < lookalikeStart[lookalike + 1]) {
                    throw new IllegalArgumentException("lookalike " + lookalike + " has lookalikes of its own");
                }
            }
        }
    }

    /** A table without lookalikes. */
    public ItemNeighbourTable(int[] rowStart, int[] columns, float[] values, float[] prior) {
        this(rowStart, columns, values, prior, null, null);
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
        if (lookalikeStart != null) {
            for (int item = 0; item < prior.length; item++) {
                if (lookalikeStart[item] < lookalikeStart[item + 1]) {
                    out[offset + item] = lookalikeScore(item, out, offset);
                }
            }
        }
    }

    /**
     * An item with lookalikes: its prior plus the mean of what the walk gave its lookalikes ({@code walk[offset +
     * lookalike]} minus the lookalike's prior). The served walk over the reached items alone computes it with the same
     * float operations.
     */
    public float lookalikeScore(int item, float[] walk, int offset) {
        float gain = 0f;
        for (int k = lookalikeStart[item]; k < lookalikeStart[item + 1]; k++) {
            int lookalike = lookalikes[k];
            gain += walk[offset + lookalike] - prior[lookalike];
        }
        return prior[item] + gain / (lookalikeStart[item + 1] - lookalikeStart[item]);
    }

    /** Whether some item has lookalikes. */
    public boolean hasLookalikes() {
        return lookalikeStart != null;
    }

    /** Items with lookalikes. */
    public int itemsWithLookalikes() {
        if (lookalikeStart == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < prior.length; i++) {
            count += lookalikeStart[i] < lookalikeStart[i + 1] ? 1 : 0;
        }
        return count;
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
     * The same rows, with the items no row reached scoring through their lookalikes: an item j with lookalikes L
     * (reached items, for example the nearest by a model's content-aware item embeddings) scores its prior plus the
     * mean of what a user's walk gave L, so an item nobody liked together with another, such as a new arrival, ranks
     * where the liked items it resembles rank instead of at the bottom of every list a blend with this table makes. A
     * walk that reaches none of L leaves j at its prior. Without a budget this is what an entry in every row,
     * weighing the mean of that row's weights for L, would give; within a budget the lookalikes' gains are the ones
     * the budget's walk gave them.
     *
     * @param lookalikes per item, the reached items it takes its score from; null or empty for items left as they
     *                   are
     */
    public ItemNeighbourTable withLookalikes(int[][] lookalikes) {
        int n = numItems();
        if (lookalikes.length != n) {
            throw new IllegalArgumentException(lookalikes.length + " lookalike lists for " + n + " items");
        }
        int[] start = new int[n + 1];
        for (int item = 0; item < n; item++) {
            start[item + 1] = start[item] + (lookalikes[item] == null ? 0 : lookalikes[item].length);
        }
        if (start[n] == 0) {
            return this;
        }
        int[] flat = new int[start[n]];
        for (int item = 0; item < n; item++) {
            if (lookalikes[item] != null) {
                System.arraycopy(lookalikes[item], 0, flat, start[item], lookalikes[item].length);
            }
        }
        return new ItemNeighbourTable(rowStart, columns, values, prior, start, flat);
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
                && Arrays.equals(columns, t.columns) && Arrays.equals(values, t.values) && Arrays.equals(prior, t.prior)
                && Arrays.equals(lookalikeStart, t.lookalikeStart) && Arrays.equals(lookalikes, t.lookalikes);
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
