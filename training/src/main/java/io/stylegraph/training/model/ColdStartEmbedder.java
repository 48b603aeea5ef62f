package io.stylegraph.training.model;

import io.stylegraph.training.kernel.CsrMatrix;

/**
 * Gives items without train likes an embedding through the frozen item–item graph: the graph-weighted mean of the
 * final embeddings of their neighbours that do have likes. Such an item's own ID embedding never saw a like, so it
 * carries no signal; its content neighbours do.
 */
public final class ColdStartEmbedder {

    private ColdStartEmbedder() {
    }

    /** Rewrites, in place, the rows of cold items that have at least one warm neighbour; returns how many. */
    public static int fill(float[] itemEmbeddings, int dimension, int[] itemDegrees, CsrMatrix itemItem) {
        int[] rowStart = itemItem.rowStart();
        int[] columns = itemItem.columns();
        float[] values = itemItem.values();
        int filled = 0;
        for (int item = 0; item < itemDegrees.length; item++) {
            if (itemDegrees[item] > 0) {
                continue;
            }
            double[] sum = new double[dimension];
            double weight = 0;
            for (int k = rowStart[item]; k < rowStart[item + 1]; k++) {
                int neighbour = columns[k];
                if (itemDegrees[neighbour] == 0) {
                    continue;
                }
                weight += values[k];
                for (int j = 0; j < dimension; j++) {
                    sum[j] += values[k] * itemEmbeddings[neighbour * dimension + j];
                }
            }
            if (weight > 0) {
                for (int j = 0; j < dimension; j++) {
                    itemEmbeddings[item * dimension + j] = (float) (sum[j] / weight);
                }
                filled++;
            }
        }
        return filled;
    }
}
