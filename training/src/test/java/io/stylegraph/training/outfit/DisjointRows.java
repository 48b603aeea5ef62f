package io.stylegraph.training.outfit;

import java.util.Arrays;

/** Rows in the Polyvore Outfits disjoint files' format, for tests: 0, n, 16 item slots, 16 category slots. */
public final class DisjointRows {

    private DisjointRows() {
    }

    public static String row(int[] categories, int[] indices) {
        int[] values = new int[34];
        Arrays.fill(values, -1);
        values[0] = 0;
        values[1] = categories.length;
        for (int i = 0; i < categories.length; i++) {
            values[2 + i] = indices[i];
            values[18 + i] = categories[i];
        }
        return String.join(",", Arrays.stream(values).mapToObj(Integer::toString).toList());
    }
}
