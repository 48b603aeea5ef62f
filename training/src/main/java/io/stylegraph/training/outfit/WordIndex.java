package io.stylegraph.training.outfit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WordOverlap} over a fixed list of items, for {@link CompatibilityIndex}: the words of all rows are numbered
 * once, each row keeps its sorted word numbers and the inverse of its norm, so a pair score is a merge of two short
 * sorted arrays and ranking many candidates against one partial outfit is one table of the partial outfit's
 * normalized word weights and a look-up per candidate word. The rows' word numbers lie end to end in one array
 * (row r's from {@code offsets[r]} to {@code offsets[r + 1]}), so a scan over a slot's candidates in row order reads
 * memory in order instead of one small array per item. Scores equal {@link WordOverlap#pairScore} (up to float
 * rounding).
 */
final class WordIndex {
    /** Row r's word numbers, ascending, are {@code words[offsets[r]]} … {@code words[offsets[r + 1] - 1]}. */
    private final int[] offsets;
    private final int[] words;
    /** Per row: 1 / its norm, 0 for a row without words. */
    private final float[] inverseNorms;
    /** Per word number: its weight squared. */
    private final float[] squaredWeights;
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    private WordIndex(int[] offsets, int[] words, float[] inverseNorms, float[] squaredWeights) {
        this.offsets = offsets;
        this.words = words;
        this.inverseNorms = inverseNorms;
        this.squaredWeights = squaredWeights;
    }

    static WordIndex build(WordOverlap overlap, List<ItemVectors> items) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] offsets = new int[items.size() + 1];
        for (int row = 0; row < items.size(); row++) {
            offsets[row + 1] = offsets[row] + items.get(row).words().size();
        }
        int[] all = new int[offsets[items.size()]];
        float[] inverseNorms = new float[items.size()];
        for (int row = 0; row < items.size(); row++) {
            List<String> words = items.get(row).words();
            if (words.isEmpty()) {
                continue;
            }
            int start = offsets[row];
            for (int i = 0; i < words.size(); i++) {
                all[start + i] = numbers.computeIfAbsent(words.get(i), w -> numbers.size());
            }
            Arrays.sort(all, start, offsets[row + 1]);
            double squaredNorm = overlap.squaredNorm(words);
            inverseNorms[row] = squaredNorm > 0 ? (float) (1 / Math.sqrt(squaredNorm)) : 0f;
        }
        float[] squaredWeights = new float[numbers.size()];
        numbers.forEach((word, number) -> {
            double w = overlap.weight(word);
            squaredWeights[number] = (float) (w * w);
        });
        return new WordIndex(offsets, all, inverseNorms, squaredWeights);
    }

    /** How many distinct words the rows have. */
    int vocabulary() {
        return squaredWeights.length;
    }

    /** How many rows have words. */
    int rowsWithWords() {
        int n = 0;
        for (int row = 0; row + 1 < offsets.length; row++) {
            if (offsets[row + 1] > offsets[row]) {
                n++;
            }
        }
        return n;
    }

    /** The word overlap of two rows. */
    double pair(int a, int b) {
        int i = offsets[a];
        int iEnd = offsets[a + 1];
        int j = offsets[b];
        int jEnd = offsets[b + 1];
        double shared = 0;
        while (i < iEnd && j < jEnd) {
            int x = words[i];
            int y = words[j];
            if (x < y) {
                i++;
            } else if (x > y) {
                j++;
            } else {
                shared += squaredWeights[x];
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
            for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                table[words[i]] += squaredWeights[words[i]] * inverse;
            }
        }
        return table;
    }

    /** Zeroes what {@link #query} wrote into {@code table} for {@code partial}. */
    void release(float[] table, int[] partial) {
        for (int row : partial) {
            for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                table[words[i]] = 0f;
            }
        }
    }

    /** Σ over the given rows of the row's overlap with {@code row}, from their {@link #query}. */
    double sum(float[] query, int row) {
        int end = offsets[row + 1];
        if (offsets[row] == end) {
            return 0;
        }
        float s = 0;
        for (int i = offsets[row]; i < end; i++) {
            s += query[words[i]];
        }
        return s * inverseNorms[row];
    }
}
