package io.stylegraph.training.outfit;

import java.util.function.IntFunction;

/**
 * Preference as the cosine of a shopper's vector and the item's vector in a recommender's space; 0 for an item the
 * recommender does not know. The per-row part ({@link Rows}) depends only on the recommender and the catalogue, so
 * it is worked out once and shared by every shopper.
 */
public final class CosinePreference implements PreferenceScorer {

    /** The dot product of a shopper's vector with the recommender's item of {@code itemRow}. */
    @FunctionalInterface
    public interface ItemDot {
        float dot(float[] user, int itemRow);
    }

    /** Per catalogue row: the recommender's item row (-1 when it lacks the item) and 1 / |item vector| (0 for 0). */
    public record Rows(int[] itemRows, float[] inverseNorms) {
        /**
         * @param itemRowOf  the recommender's row of the catalogue row's item, or null
         * @param itemVector the vector of a recommender row
         */
        public static Rows of(int size, IntFunction<Integer> itemRowOf, IntFunction<float[]> itemVector) {
            int[] rows = new int[size];
            float[] inverse = new float[size];
            for (int row = 0; row < size; row++) {
                Integer itemRow = itemRowOf.apply(row);
                rows[row] = itemRow == null ? -1 : itemRow;
                if (itemRow != null) {
                    inverse[row] = inverseNorm(itemVector.apply(itemRow));
                }
            }
            return new Rows(rows, inverse);
        }
    }

    private final float[] user;
    private final float userInverseNorm;
    private final Rows rows;
    private final ItemDot dot;

    public CosinePreference(float[] user, Rows rows, ItemDot dot) {
        this.user = user;
        this.userInverseNorm = inverseNorm(user);
        this.rows = rows;
        this.dot = dot;
    }

    @Override
    public double preference(int row) {
        int itemRow = rows.itemRows()[row];
        if (itemRow < 0) {
            return 0;
        }
        return dot.dot(user, itemRow) * userInverseNorm * rows.inverseNorms()[row];
    }

    private static float inverseNorm(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        return norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    }
}
