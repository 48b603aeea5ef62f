package io.stylegraph.models.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cuts texts, given as their token ids, into model runs of similar length: shortest first, each run padded only to
 * its longest text. A run ends at {@code maxBatch} texts, or before the text whose length would pad it to more than
 * {@code paddingAllowance} times its real tokens (the model computes padding positions like real ones, so a call's
 * short texts do not wait on its long ones).
 */
final class LengthBatches {

    private LengthBatches() {
    }

    /** The runs, each the indexes of its texts in {@code ids}, shortest text first. */
    static List<int[]> of(long[][] ids, int maxBatch, double paddingAllowance) {
        Integer[] order = IntStream.range(0, ids.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        List<int[]> batches = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            long real = 0;
            int to = from;
            while (to < order.length && to - from < maxBatch) {
                int length = ids[order[to]].length;
                if (to > from && (to - from + 1) * (double) length > paddingAllowance * (real + length)) {
                    break;
                }
                real += length;
                to++;
            }
            int[] rows = new int[to - from];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = order[from + r];
            }
            batches.add(rows);
            from = to;
        }
        return batches;
    }

    /**
     * The ids of a run's texts padded with zeros to its longest, row after row, and their attention mask.
     *
     * @return {ids, mask}, each {@code rows.length x length}
     */
    static long[][] padded(long[][] ids, int[] rows, int length) {
        long[] flatIds = new long[rows.length * length];
        long[] mask = new long[rows.length * length];
        for (int r = 0; r < rows.length; r++) {
            long[] tokens = ids[rows[r]];
            System.arraycopy(tokens, 0, flatIds, r * length, tokens.length);
            Arrays.fill(mask, r * length, r * length + tokens.length, 1L);
        }
        return new long[][] {flatIds, mask};
    }
}
