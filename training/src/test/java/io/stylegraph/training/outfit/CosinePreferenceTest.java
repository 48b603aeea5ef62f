package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosinePreferenceTest {
    /** A recommender's item vectors by its own rows; catalogue row r holds recommender row ITEM_ROWS[r] (-1: none). */
    private static final float[][] ITEMS = {{3, 4}, {0, 0}, {-1, 0}};
    private static final Integer[] ITEM_ROWS = {2, 0, null, 1};

    private static CosinePreference.Rows rows() {
        return CosinePreference.Rows.of(ITEM_ROWS.length, row -> ITEM_ROWS[row], itemRow -> ITEMS[itemRow]);
    }

    private static float dot(float[] user, int itemRow) {
        return user[0] * ITEMS[itemRow][0] + user[1] * ITEMS[itemRow][1];
    }

    @Test
    void shouldMapCatalogueRowsToRecommenderRowsWithTheirInverseNorms() {
        CosinePreference.Rows rows = rows();

        assertArrayEquals(new int[] {2, 0, -1, 1}, rows.itemRows());
        assertArrayEquals(new float[] {1f, 0.2f, 0f, 0f}, rows.inverseNorms(), 1e-6f);
    }

    @Test
    void shouldScoreTheCosineAndZeroForAnUnknownItemOrAZeroVector() {
        CosinePreference preference = new CosinePreference(new float[] {0, 2}, rows(), CosinePreferenceTest::dot);

        assertEquals(0.8, preference.preference(1), 1e-6, "(0, 2) against (3, 4)");
        assertEquals(0.0, preference.preference(0), 1e-6, "orthogonal");
        assertEquals(0.0, preference.preference(2), "the recommender lacks the item");
        assertEquals(0.0, preference.preference(3), "a zero item vector");
        assertEquals(0.0, new CosinePreference(new float[] {0, 0}, rows(), CosinePreferenceTest::dot)
                .preference(1), "a zero user vector");
    }
}
