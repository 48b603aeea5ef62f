package io.stylegraph.training.outfit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WordOverlap} over a fixed list of items, for {@link CompatibilityIndex}: the words of all rows are numbered
 * once, each row keeps its sorted word numbers and the inverse of its norm, so a pair score is a merge of two short
 * sorted arrays and ranking many candidates against one partial outfit is one table of the partial outfit's
 * normalized word weights and a look-up per candidate word. Scores equal {@link WordOverlap#pairScore} (up to float
 * rounding).
 */
final class WordIndex {
    private static final int[] NONE = new int[0];

    /** Per row: its words' numbers, ascending. */
    private final int[][] rows;
    /** Per row: 1 / its norm, 0 for a row without words. */
    private final float[] inverseNorms;
    /** Per word number: its weight squared. */
    private final float[] squaredWeights;
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    private WordIndex(int[][] rows, float[] inverseNorms, float[] squaredWeights) {
        this.rows = rows;
        this.inverseNorms = inverseNorms;
        this.squaredWeights = squaredWeights;
    }

    static WordIndex build(WordOverlap overlap, List<ItemVectors> items) {
        Map<String, Integer> numbers = new HashMap<>();
        int[][] rows = new int[items.size()][];
        float[] inverseNorms = new float[items.size()];
        for (int row = 0; row < items.size(); row++) {
            List<String> words = items.get(row).words();
            if (words.isEmpty()) {
                rows[row] = NONE;
                continue;
            }
            int[] ids = new int[words.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = numbers.computeIfAbsent(words.get(i), w -> numbers.size());
            }
            Arrays.sort(ids);
            rows[row] = ids;
            double squaredNorm = overlap.squaredNorm(words);
            inverseNorms[row] = squaredNorm > 0 ? (float) (1 / Math.sqrt(squaredNorm)) : 0f;
        }
        float[] squaredWeights = new float[numbers.size()];
        numbers.forEach((word, number) -> {
            double w = overlap.weight(word);
            squaredWeights[number] = (float) (w * w);
        });
        return new WordIndex(rows, inverseNorms, squaredWeights);
    }

    /** How many distinct words the rows have. */
    int vocabulary() {
        return squaredWeights.length;
    }

    /** How many rows have words. */
    int rowsWithWords() {
        int n = 0;
        for (int[] row : rows) {
            if (row.length > 0) {
                n++;
            }
        }
        return n;
    }

    /** The word overlap of two rows. */
    double pair(int a, int b) {
        int[] x = rows[a];
        int[] y = rows[b];
        double shared = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                shared += squaredWeights[x[i]];
                i++;
                j++;
            }
        }
        return shared * inverseNorms[a] * inverseNorms[b];
    }

    /**
     * The partial outfit's table: for each word number, Σ over the given rows that have it of its squared weight /
     * the row's norm. {@link #sum} of a candidate over it is the candidate's summed overlap with those rows. The
     * table is the calling thread's scratch array (one per thread, not reallocated per call, since a catalogue's
     * words can number tens of thousands); hand it back with {@link #release} before the thread's next query.
     */
    float[] query(int[] partial) {
        float[] table = scratch.get();
        if (table.length < squaredWeights.length) {
            table = new float[squaredWeights.length];
            scratch.set(table);
        }
        for (int row : partial) {
            float inverse = inverseNorms[row];
            for (int word : rows[row]) {
                table[word] += squaredWeights[word] * inverse;
            }
        }
        return table;
    }

    /** Zeroes what {@link #query} wrote into {@code table} for {@code partial}. */
    void release(float[] table, int[] partial) {
        for (int row : partial) {
            for (int word : rows[row]) {
                table[word] = 0f;
            }
        }
    }

    /** Σ over the given rows of the row's overlap with {@code row}, from their {@link #query}. */
    double sum(float[] query, int row) {
        double s = 0;
        for (int word : rows[row]) {
            s += query[word];
        }
        return s * inverseNorms[row];
    }
}
