package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.kernel.CsrMatrix;

import java.util.Arrays;
import java.util.Random;

/**
 * FREEDOM's denoising of the user–item graph: each epoch keeps ⌊keepRatio·|E|⌋ like edges sampled without replacement
 * with probability proportional to 1/√(d_u·d_i), so edges between popular nodes, the likeliest noise, go first.
 * Sampling uses Efraimidis–Spirakis keys (u^(1/w), here as log(u)/w) and keeps the largest.
 */
public final class DegreeSensitiveEdgeSampler {

    private final InteractionMatrix likes;
    private final double keepRatio;
    private final int[] edgeUsers;
    private final double[] weights;

    public DegreeSensitiveEdgeSampler(InteractionMatrix likes, double keepRatio) {
        if (keepRatio <= 0 || keepRatio > 1) {
            throw new IllegalArgumentException("keep ratio must be in (0, 1], got " + keepRatio);
        }
        this.likes = likes;
        this.keepRatio = keepRatio;
        this.edgeUsers = likes.rowOfEntries();
        int[] itemDegree = likes.itemDegrees();
        int[] items = likes.columns();
        this.weights = new double[items.length];
        for (int e = 0; e < items.length; e++) {
            weights[e] = 1.0 / Math.sqrt((double) likes.degree(edgeUsers[e]) * itemDegree[items[e]]);
        }
    }

    /** ⌊keepRatio·|E|⌋, but at least one edge of a graph that has any: a tiny graph is not pruned to nothing. */
    public int keptEdges() {
        return likes.nnz() == 0 ? 0 : Math.max(1, (int) (likes.nnz() * keepRatio));
    }

    /** Indices (into the like matrix's entries) of the edges kept this time, ascending. */
    public int[] sample(Random random) {
        int total = weights.length;
        int keep = Math.min(keptEdges(), total);
        if (keep == total) {
            int[] all = new int[total];
            Arrays.setAll(all, e -> e);
            return all;
        }
        double[] keys = new double[total];
        for (int e = 0; e < total; e++) {
            double u = 1.0 - random.nextDouble(); // (0, 1]
            keys[e] = Math.log(u) / weights[e];
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        double threshold = sorted[total - keep];
        int[] kept = new int[keep];
        int count = 0;
        for (int e = 0; e < total && count < keep; e++) {
            if (keys[e] >= threshold) {
                kept[count++] = e;
            }
        }
        return kept;
    }

    /** The normalized adjacency of a fresh sample. */
    public CsrMatrix sampleAdjacency(Random random) {
        return sampleAdjacency(random, null, 0);
    }

    /** The normalized adjacency of a fresh sample of likes, with every dislike as a negative edge (never pruned). */
    public CsrMatrix sampleAdjacency(Random random, InteractionMatrix dislikes, double dislikeWeight) {
        int[] kept = sample(random);
        int[] users = new int[kept.length];
        int[] items = new int[kept.length];
        int[] columns = likes.columns();
        for (int k = 0; k < kept.length; k++) {
            users[k] = edgeUsers[kept[k]];
            items[k] = columns[kept[k]];
        }
        return NormalizedAdjacency.signed(likes.numUsers(), likes.numItems(), users, items, kept.length, dislikes,
                dislikeWeight);
    }
}
