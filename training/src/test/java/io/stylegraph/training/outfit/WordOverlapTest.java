package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The word overlap of item names: its words, its weights and its scores, worked by hand on inline names. */
class WordOverlapTest {

    private static final double EPS = 1e-9;

    private static ItemVectors named(String id, String name) {
        return ItemVectors.of(id, "top", null).withWords(name);
    }

    @Test
    void shouldSplitANameIntoItsDistinctLowerCaseWordsInOrder() {
        assertEquals(List.of("rag", "bone", "boot", "black"), ItemWords.of("Rag & Bone boot, black BOOT"));
        assertEquals(List.of("t", "shirt", "2024", "café"), ItemWords.of("T-Shirt 2024 Café"));
        assertEquals(List.of(), ItemWords.of("  - & / "));
        assertEquals(List.of(), ItemWords.of(null));
        assertEquals(List.of(), ItemVectors.of("x", "top", null).words(), "an item without words");
    }

    @Test
    void shouldWeightAWordByItsInverseDocumentFrequencyAndAnUnseenWordTheMost() {
        // four names: "black" in three, "lace" in one; the empty one does not count
        WordOverlap overlap = WordOverlap.fit(List.of(List.of("black", "lace"), List.of("black"),
                List.of("black", "boot"), List.of()));

        assertEquals(3, overlap.documents());
        assertEquals(Math.log(4.0 / 4.0), overlap.weight("black"), EPS);
        assertEquals(Math.log(4.0 / 2.0), overlap.weight("lace"), EPS);
        assertEquals(Math.log(4.0), overlap.weight("zanotti"), EPS);
        assertEquals(Map.of("black", 3, "lace", 1, "boot", 1), overlap.frequencies());
    }

    @Test
    void shouldScoreTheIdfCosineOfTwoNamesWordSets() {
        WordOverlap overlap = WordOverlap.fit(List.of(List.of("black", "lace"), List.of("black", "silk"),
                List.of("red", "silk"), List.of("lace", "boot")));
        double black = Math.log(5.0 / 3);
        double lace = Math.log(5.0 / 3);
        double silk = Math.log(5.0 / 3);
        double unseen = Math.log(5.0);

        ItemVectors a = named("a", "Black lace top");
        ItemVectors b = named("b", "black silk skirt");
        double expected = black * black / Math.sqrt((black * black + lace * lace + unseen * unseen)
                * (black * black + silk * silk + unseen * unseen));
        assertEquals(expected, overlap.pairScore(a, b), EPS);
        assertEquals(overlap.pairScore(a, b), overlap.pairScore(b, a), EPS, "symmetric");
        assertEquals(1.0, overlap.pairScore(a, named("a2", "lace, black TOP")), EPS, "the same words");
        assertEquals(0.0, overlap.pairScore(a, named("c", "red boot")), EPS, "nothing shared");
        assertEquals(0.0, overlap.pairScore(a, ItemVectors.of("d", "top", null)), EPS, "no words");
        assertTrue(overlap.pairScore(a, named("e", "zanotti top")) > overlap.pairScore(a, named("f", "black silk")),
                "a shared word no training name had outweighs a common one");
    }

    @Test
    void shouldRefuseFrequenciesThatNoCorpusCouldHaveGiven() {
        assertThrows(IllegalArgumentException.class, () -> WordOverlap.of(Map.of("black", 4), 3));
        assertThrows(IllegalArgumentException.class, () -> WordOverlap.of(Map.of("black", 0), 3));
        assertThrows(IllegalArgumentException.class, () -> WordOverlap.of(Map.of(), -1));
    }

    @Test
    void shouldTellTheHiddenPieceFromItsSlotsStrangersByTheWordsItSharesWithTheOutfit() {
        List<ItemVectors> outfit = List.of(named("s", "giuseppe zanotti laser cut sandals"),
                named("c", "salvatore ferragamo clutch"));
        WordOverlap overlap = WordOverlap.fit(List.of(List.of("zanotti", "sandals"), List.of("ferragamo", "clutch"),
                List.of("gold", "sandals"), List.of("black", "gold", "clutch")));

        double truePiece = overlap.candidateScore(outfit, named("t", "giuseppe zanotti design pumps"));
        double stranger = overlap.candidateScore(outfit, named("x", "black gold pumps"));

        assertTrue(truePiece > stranger, truePiece + " vs " + stranger);
    }
}
