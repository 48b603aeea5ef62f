package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.kernel.CsrMatrix;

/**
 * The symmetric normalized adjacency D^-1/2·A·D^-1/2 of the user–item bipartite graph, as one square matrix over
 * users (rows 0..U-1) followed by items (rows U..U+I-1). Degrees are those of the edges given, so a pruned edge set is
 * renormalized on its own degrees.
 *
 * <p>The signed variant adds dislike edges with the value −w/√(d_u·d_i), degrees counting likes and dislikes alike:
 * propagation then pulls a user towards liked items and pushes it away from disliked ones (and an item away from the
 * users who disliked it), while the operator stays symmetric.
 */
public final class NormalizedAdjacency {

    private NormalizedAdjacency() {
    }

    public static CsrMatrix of(InteractionMatrix likes) {
        return of(likes.numUsers(), likes.numItems(), likes.rowOfEntries(), likes.columns(), likes.nnz());
    }

    public static CsrMatrix of(int numUsers, int numItems, int[] users, int[] items, int count) {
        return signed(numUsers, numItems, users, items, count, null, 0);
    }

    /** Likes plus the dislikes as negative edges of weight {@code dislikeWeight}; plain likes when it is 0. */
    public static CsrMatrix signed(InteractionMatrix likes, InteractionMatrix dislikes, double dislikeWeight) {
        return signed(likes.numUsers(), likes.numItems(), likes.rowOfEntries(), likes.columns(), likes.nnz(),
                dislikes, dislikeWeight);
    }

    public static CsrMatrix signed(int numUsers, int numItems, int[] users, int[] items, int count,
                                   InteractionMatrix dislikes, double dislikeWeight) {
        if (dislikeWeight < 0) {
            throw new IllegalArgumentException("dislike weight must be ≥ 0, got " + dislikeWeight);
        }
        boolean signed = dislikes != null && dislikeWeight > 0 && dislikes.nnz() > 0;
        int[] dislikeUsers = signed ? dislikes.rowOfEntries() : new int[0];
        int[] dislikeItems = signed ? dislikes.columns() : new int[0];
        int negatives = dislikeUsers.length;
        int n = numUsers + numItems;
        int[] degree = new int[n];
        for (int e = 0; e < count; e++) {
            degree[users[e]]++;
            degree[numUsers + items[e]]++;
        }
        for (int e = 0; e < negatives; e++) {
            degree[dislikeUsers[e]]++;
            degree[numUsers + dislikeItems[e]]++;
        }
        int edges = count + negatives;
        int[] rows = new int[2 * edges];
        int[] cols = new int[2 * edges];
        float[] vals = new float[2 * edges];
        for (int e = 0; e < edges; e++) {
            boolean like = e < count;
            int user = like ? users[e] : dislikeUsers[e - count];
            int item = numUsers + (like ? items[e] : dislikeItems[e - count]);
            double sign = like ? 1.0 : -dislikeWeight;
            float value = (float) (sign / Math.sqrt((double) degree[user] * degree[item]));
            rows[2 * e] = user;
            cols[2 * e] = item;
            vals[2 * e] = value;
            rows[2 * e + 1] = item;
            cols[2 * e + 1] = user;
            vals[2 * e + 1] = value;
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, 2 * edges, true);
    }
}
