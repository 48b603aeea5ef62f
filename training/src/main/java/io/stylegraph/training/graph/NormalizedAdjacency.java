package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.kernel.CsrMatrix;

/**
 * The symmetric normalized adjacency D^-1/2·A·D^-1/2 of the user–item bipartite graph, as one square matrix over
 * users (rows 0..U-1) followed by items (rows U..U+I-1). Degrees are those of the edges given, so a pruned edge set is
 * renormalized on its own degrees.
 */
public final class NormalizedAdjacency {

    private NormalizedAdjacency() {
    }

    public static CsrMatrix of(InteractionMatrix likes) {
        return of(likes.numUsers(), likes.numItems(), likes.rowOfEntries(), likes.columns(), likes.nnz());
    }

    public static CsrMatrix of(int numUsers, int numItems, int[] users, int[] items, int count) {
        int n = numUsers + numItems;
        int[] degree = new int[n];
        for (int e = 0; e < count; e++) {
            degree[users[e]]++;
            degree[numUsers + items[e]]++;
        }
        int[] rows = new int[2 * count];
        int[] cols = new int[2 * count];
        float[] vals = new float[2 * count];
        for (int e = 0; e < count; e++) {
            int user = users[e];
            int item = numUsers + items[e];
            float value = (float) (1.0 / Math.sqrt((double) degree[user] * degree[item]));
            rows[2 * e] = user;
            cols[2 * e] = item;
            vals[2 * e] = value;
            rows[2 * e + 1] = item;
            cols[2 * e + 1] = user;
            vals[2 * e + 1] = value;
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, 2 * count, true);
    }
}
