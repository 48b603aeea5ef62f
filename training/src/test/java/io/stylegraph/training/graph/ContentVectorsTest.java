package io.stylegraph.training.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContentVectorsTest {

    @Test
    void shouldWeightTermsByInverseDocumentFrequencyAndNormalize() {
        // "root" is on every item: it tells nothing apart; "rare" is on one item: it links nothing
        ContentVectors content = ContentVectors.tfidf(List.of(
                List.of("root", "women", "dress"),
                List.of("root", "women", "scarf"),
                List.of("root", "men", "scarf"),
                List.of("root", "men", "rare")), 2);

        assertEquals(List.of("men", "scarf", "women"), content.vocabulary());
        float w = (float) Math.log(2.0); // each kept term is on 2 of 4 items
        // item 0: women only (dress is on one item) → a unit vector on "women"
        assertArrayEquals(new float[] {0, 0, 1}, content.vectors()[0], 1e-6f);
        float half = (float) (w / Math.sqrt(2 * w * w));
        assertArrayEquals(new float[] {0, half, half}, content.vectors()[1], 1e-6f);
        assertArrayEquals(new float[] {half, half, 0}, content.vectors()[2], 1e-6f);
        assertArrayEquals(new float[] {1, 0, 0}, content.vectors()[3], 1e-6f);
        assertEquals(4, content.itemsWithVectors());
    }

    @Test
    void shouldGiveNoVectorToItemsWithoutAKeptTerm() {
        ContentVectors content = ContentVectors.tfidf(List.of(
                List.of("a", "b"), List.of("a", "b"), List.of("unique"), List.of()), 2);

        assertNull(content.vectors()[2]);
        assertNull(content.vectors()[3]);
        assertEquals(2, content.itemsWithVectors());
    }

    @Test
    void shouldCountARepeatedTermOnceAndIgnoreTheOrderOfArrival() {
        ContentVectors once = ContentVectors.tfidf(List.of(List.of("x", "y"), List.of("y", "x", "x"),
                List.of("z", "x"), List.of("z")), 1);
        ContentVectors reordered = ContentVectors.tfidf(List.of(List.of("y", "x"), List.of("x", "y"),
                List.of("x", "z"), List.of("z")), 1);

        for (int i = 0; i < 4; i++) {
            assertArrayEquals(reordered.vectors()[i], once.vectors()[i], 1e-6f);
        }
        assertArrayEquals(once.vectors()[0], once.vectors()[1], 1e-6f);
    }

    @Test
    void shouldRefuseAMinimumFrequencyBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> ContentVectors.tfidf(List.of(List.of("a")), 0));
    }
}
