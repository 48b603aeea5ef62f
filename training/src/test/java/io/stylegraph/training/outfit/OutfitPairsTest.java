package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

/** Pairs mined from {@link InlineCatalogue}, whose pair scores are the cosines of the items' vectors. */
class OutfitPairsTest {
    private static final double EPS = 1e-5;
    private final OutfitCatalogue catalogue = InlineCatalogue.catalogue();

    @Test
    void shouldPairEveryOutfitItemWithItsBestPartnerOfAnotherSlotAndAFittingGender() {
        List<OutfitPairs.Pair> pairs = OutfitPairs.strongest(catalogue, 1, null);

        Map<String, OutfitPairs.Pair> byItem = new LinkedHashMap<>();
        pairs.forEach(pair -> byItem.put(pair.itemId(), pair));
        assertEquals(List.of("top-navy", "top-beige", "bottom-men-navy", "bottom-navy", "bottom-beige", "dress-beige",
                "outerwear-camel", "shoes-navy", "shoes-black", "bag-navy", "watch-black"), List.copyOf(byItem.keySet()),
                "one pair per outfit item, slot by slot; the lamp fills no outfit slot");
        assertEquals(11, pairs.size());
        // the men's bottom scores 0.96 with the women's top too, but only unisex items go with it
        assertPair(byItem, "top-navy", "bag-navy", 0.96);
        assertPair(byItem, "top-beige", "bottom-beige", 1.0);
        assertPair(byItem, "bottom-men-navy", "shoes-navy", 0.936);
        assertPair(byItem, "bottom-navy", "shoes-navy", 1.0);
        assertPair(byItem, "bottom-beige", "top-beige", 1.0);
        assertPair(byItem, "dress-beige", "outerwear-camel", 0.8);
        assertEquals(0.96, byItem.get("outerwear-camel").score(), EPS, "bottom-navy and shoes-navy tie");
        assertPair(byItem, "shoes-navy", "bottom-navy", 1.0);
        assertPair(byItem, "shoes-black", "watch-black", 0.8);
        assertPair(byItem, "bag-navy", "top-navy", 0.96);
        assertPair(byItem, "watch-black", "shoes-black", 0.8);
    }

    @Test
    void shouldListAnItemsBestPartnersBestFirst() {
        List<OutfitPairs.Pair> ofBottom = OutfitPairs.strongest(catalogue, 3, null).stream()
                .filter(pair -> pair.itemId().equals("bottom-navy")).toList();

        assertEquals(List.of("shoes-navy", "outerwear-camel", "bag-navy"),
                ofBottom.stream().map(OutfitPairs.Pair::otherId).toList(), "top-navy (0.8) is fourth");
        assertEquals(List.of(1.0, 0.96, 0.936), ofBottom.stream().map(pair -> Math.round(pair.score() * 1000) / 1000.0).toList());
    }

    @Test
    void shouldReportProgressOfAllOutfitItemsWithTheTimeLeft() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        OutfitPairs.mine(catalogue, 1, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                OutfitPairs.DEFAULT_MAX_SCORES, 5);

        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("PAIRS_WITH: 5/11 items paired \\(\\d+ items/s, about \\d+ s left\\)"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("PAIRS_WITH: 10/11 items paired"), lines.get(1));
    }

    @Test
    void shouldScoreEveryPairWithinTheBudgetAndASeededSampleOfEachSlotAboveIt() {
        OutfitPairs.Mined whole = OutfitPairs.mine(catalogue, 1, null, OutfitPairs.DEFAULT_MAX_SCORES);
        assertEquals(1.0, whole.sampled());
        assertEquals(OutfitPairs.strongest(catalogue, 1, null), whole.pairs());

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long budget = whole.scores() / 2;
        OutfitPairs.Mined half = OutfitPairs.mine(catalogue, 1,
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), budget);
        OutfitPairs.Mined again = OutfitPairs.mine(catalogue, 1, null, budget);

        assertTrue(half.sampled() < 1 && half.sampled() > 0.4, "share " + half.sampled());
        assertTrue(half.scores() < whole.scores(), half.scores() + " of " + whole.scores());
        assertEquals(half.pairs(), again.pairs(), "the same sample each time");
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("above the budget"));
        Map<String, Double> best = new LinkedHashMap<>();
        whole.pairs().forEach(pair -> best.put(pair.itemId(), pair.score()));
        // an item's partner in the sample scores no better than its best partner over all candidates
        half.pairs().forEach(pair -> assertTrue(pair.score() <= best.get(pair.itemId()) + EPS, pair.toString()));
        assertTrue(half.pairs().stream().anyMatch(pair -> pair.score() < best.get(pair.itemId()) - EPS),
                "some item loses its best partner to the sample");
    }

    @Test
    void shouldMineNothingForNoPairsPerItem() {
        assertTrue(OutfitPairs.strongest(catalogue, 0, null).isEmpty());
    }

    @Test
    void shouldPairNoSlotWithItselfAndNoTwoStatedGendersThatDiffer() {
        OutfitPairs.PARTNER_SLOTS.forEach((slot, partners) -> assertFalse(partners.contains(slot), slot.wireName()));
        assertEquals(List.of(Slot.SHOES, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY),
                OutfitPairs.PARTNER_SLOTS.get(Slot.DRESS));
        assertFalse(OutfitPairs.gendersGoTogether(Gender.MEN, Gender.WOMEN));
        assertTrue(OutfitPairs.gendersGoTogether(Gender.MEN, Gender.UNISEX));
        assertTrue(OutfitPairs.gendersGoTogether(null, Gender.WOMEN));
    }

    private static void assertPair(Map<String, OutfitPairs.Pair> byItem, String item, String partner, double score) {
        OutfitPairs.Pair pair = byItem.get(item);
        assertEquals(partner, pair.otherId(), item);
        assertEquals(score, pair.score(), EPS, item);
    }
}
