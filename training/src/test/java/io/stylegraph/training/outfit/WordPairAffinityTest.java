package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordPairAffinityTest {

    private static ItemVectors named(String id, String type, String name) {
        return ItemVectors.of(id, type, null).withWords(name);
    }

    @Test
    void shouldScoreWordsThatMeetAcrossOutfitPiecesAboveWordsThatNeverMeet() {
        List<OutfitRecord> outfits = List.of(
                new OutfitRecord("a", List.of(named("a1", "bottom", "denim jeans"), named("a2", "top", "white tee"))),
                new OutfitRecord("b", List.of(named("b1", "bottom", "denim shorts"), named("b2", "top", "white shirt"))),
                new OutfitRecord("c", List.of(named("c1", "shoes", "red heels"), named("c2", "bag", "black clutch"))),
                new OutfitRecord("d", List.of(named("d1", "shoes", "red pumps"), named("d2", "bag", "gold clutch"))));

        WordPairAffinity affinity = WordPairAffinity.fit(outfits);

        // denim–white met twice across pieces, red–clutch twice; every other pair once, below the minimum count
        assertEquals(2, affinity.pairs());
        double seen = affinity.pairScore(named("x", "bottom", "denim"), named("y", "top", "white"));
        assertTrue(seen > 0, "a pair met in two outfits scores: " + seen);
        assertEquals(seen, affinity.pairScore(named("y", "top", "white"), named("x", "bottom", "denim")), 1e-12,
                "symmetric");
        assertEquals(0, affinity.pairScore(named("x", "bottom", "denim"), named("z", "bag", "clutch")),
                "never met: nothing");
        assertEquals(seen / 2, affinity.pairScore(named("x", "bottom", "denim"), named("y", "top", "white tee")),
                1e-12, "the mean over the word pairs");
        assertEquals(0, affinity.pairScore(named("x", "bottom", "denim"), ItemVectors.of("n", "top", null)),
                "an item without words");
    }

    @Test
    void shouldScoreTextVectorsByTheirCosineAndItemsWithoutOneAsZero() {
        TextCosine cosine = new TextCosine();
        ItemVectors a = new ItemVectors("a", "top", null, Map.of(ItemVectors.TEXT, new float[] {1, 0}));
        ItemVectors b = new ItemVectors("b", "top", null, Map.of(ItemVectors.TEXT, new float[] {3, 4}));

        assertEquals(0.6, cosine.pairScore(a, b), 1e-9);
        assertEquals(0, cosine.pairScore(a, ItemVectors.of("c", "top", null)));
    }
}
