package io.stylegraph.training.model;

import java.util.List;

/**
 * Places a user in a trained embedding space from their likes and dislikes without retraining: the user's vector
 * (zero for a user the model never saw) plus {@code weight·(mean liked item vector − mean disliked item vector)}.
 * With dot-product scoring a new user's scores are then the mean scores of the liked items' embeddings against each
 * item, so one like already ranks what the graph put near it. The service folds in the likes logged since its model
 * was trained with this; evaluation places cold users with it.
 */
public final class FoldIn {

    private FoldIn() {
    }

    /**
     * @param trained  the user's trained vector, or null for a user the model never saw
     * @param liked    embeddings of the items the user liked (rows the model knows)
     * @param disliked embeddings of the items the user disliked
     * @return the folded-in vector (a new array), or null when there is no trained vector and nothing liked
     */
    public static float[] vector(int dimension, float[] trained, List<float[]> liked, List<float[]> disliked,
                                 double weight) {
        if (trained == null && liked.isEmpty()) {
            return null;
        }
        float[] vector = trained == null ? new float[dimension] : trained.clone();
        if (vector.length != dimension) {
            throw new IllegalArgumentException("trained vector has " + vector.length + " dimensions, not " + dimension);
        }
        addMean(vector, liked, weight);
        addMean(vector, disliked, -weight);
        return vector;
    }

    private static void addMean(float[] vector, List<float[]> rows, double weight) {
        if (rows.isEmpty()) {
            return;
        }
        double[] sum = new double[vector.length];
        for (float[] row : rows) {
            if (row.length != vector.length) {
                throw new IllegalArgumentException("item vector has " + row.length + " dimensions, not "
                        + vector.length);
            }
            for (int j = 0; j < row.length; j++) {
                sum[j] += row[j];
            }
        }
        for (int j = 0; j < vector.length; j++) {
            vector[j] += (float) (weight * sum[j] / rows.size());
        }
    }
}
