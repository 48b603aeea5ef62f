package io.stylegraph.training.outfit;

import static io.stylegraph.training.outfit.InlineCatalogue.ids;
import static io.stylegraph.training.outfit.InlineCatalogue.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

/**
 * Outfits built over {@link InlineCatalogue}, whose pair scores are cosines of the items' vectors, so every expected
 * outfit and score below is worked out by hand.
 */
class OutfitBuilderTest {
    private static final double EPS = 1e-5;
    private final OutfitCatalogue catalogue = InlineCatalogue.catalogue();

    private OutfitBuilder builder(OutfitBuilder.Rules rules) {
        return new OutfitBuilder(catalogue, rules, null, 0.5);
    }

    private static OutfitBuilder.Rules women() {
        return new OutfitBuilder.Rules(Set.of(), Gender.WOMEN, null);
    }

    @Test
    void shouldFillTheTemplateByBestCompatibilityAndAddOnlyExtrasThatDoNotPullTheOutfitDown() {
        OutfitBuilder.Built built = builder(OutfitBuilder.Rules.none()).build(row("top-navy"));

        // bottom-navy 0.8 beats bottom-beige 0 (the men's bottom is off: the anchor is women's); shoes-navy
        // (0.8 + 1.0) / 2; the bag (0.944) lifts the mean 0.8667, the coat (0.84) and the watch would lower it
        assertEquals(List.of("top-navy", "bottom-navy", "shoes-navy", "bag-navy"), ids(built.rows()));
        assertEquals(row("top-navy"), built.anchor());
        assertEquals((0.8 + 0.8 + 0.96 + 1.0 + 0.936 + 0.936) / 6, built.score().score(), EPS);
        assertNull(built.preference(), "no preference without a scorer");
        assertEquals(built.score().score(), built.total(), EPS);
        assertEquals(6, built.score().pairs().size());
    }

    @Test
    void shouldUseNoItemButTheAnchorTwiceAndStopWhenATemplateCannotBeFilled() {
        OutfitBuilder builder = builder(OutfitBuilder.Rules.none());
        int anchor = row("top-navy");

        OutfitBuilder.Built first = builder.build(anchor);
        OutfitBuilder.Built second = builder.build(anchor);
        OutfitBuilder.Built third = builder.build(anchor);

        assertEquals(List.of("top-navy", "bottom-navy", "shoes-navy", "bag-navy"), ids(first.rows()));
        // what is left: the coat (0.4667) and then the watch (0.47) lift an outfit that scores 0
        assertEquals(List.of("top-navy", "bottom-beige", "shoes-black", "outerwear-camel", "watch-black"),
                ids(second.rows()));
        assertNull(third, "no women's bottom is left");
    }

    @Test
    void shouldHoldItemsToTheRulesGenderElseToTheAnchorsUnlessItIsUnisex() {
        int shoes = row("shoes-navy");

        OutfitBuilder.Built anyGender = builder(OutfitBuilder.Rules.none()).build(shoes);
        OutfitBuilder.Built women = builder(women()).build(shoes);

        assertEquals(List.of("shoes-navy", "top-navy", "bottom-men-navy", "bag-navy"), ids(anyGender.rows()),
                "a unisex anchor holds no gender: the men's bottom (0.948) beats bottom-navy (0.9)");
        assertEquals((0.8 + 0.936 + 0.936 + 0.96 + 0.96 + 1.0) / 6, anyGender.score().score(), EPS);
        assertEquals(List.of("shoes-navy", "top-navy", "bottom-navy", "bag-navy"), ids(women.rows()),
                "separates (0.9053) beat dress + shoes + coat (0.7867)");
    }

    @Test
    void shouldNeverAddOrAnchorAnExcludedItem() {
        OutfitBuilder builder = builder(new OutfitBuilder.Rules(Set.of(row("bottom-navy")), Gender.WOMEN, null));

        OutfitBuilder.Built built = builder.build(row("top-navy"));

        assertEquals(List.of("top-navy", "bottom-beige", "shoes-navy", "outerwear-camel", "bag-navy"),
                ids(built.rows()));
        assertEquals(6.736 / 10, built.score().score(), EPS);
        assertFalse(builder.usableAnchor(row("bottom-navy")));
        assertTrue(builder.usableAnchor(row("bottom-beige")));
    }

    @Test
    void shouldHoldEveryItemAndAnchorToTheOccasion() {
        OutfitBuilder builder = builder(new OutfitBuilder.Rules(Set.of(), null, "formal"));

        OutfitBuilder.Built built = builder.build(row("top-beige"));

        assertEquals(List.of("top-beige", "bottom-beige", "shoes-black", "watch-black"), ids(built.rows()),
                "the coat and the bag are casual");
        assertFalse(builder.usableAnchor(row("top-navy")), "a casual anchor");
        assertFalse(builder.usableAnchor(row("lamp")), "no outfit slot");
    }

    @Test
    void shouldWeighThePreferenceOfTheShopperAgainstCompatibility() {
        // the recommender's space: navy items (1, 0), beige ones (0, 1), the coat (1, 1); it does not know the watch
        float[][] recommender = {{1, 0}, {0, 1}, {1, 0}, {1, 0}, {0, 1}, {1, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 0},
                null, {1, 0}};
        CosinePreference.Rows rows = CosinePreference.Rows.of(recommender.length,
                row -> recommender[row] == null ? null : row, row -> recommender[row]);
        PreferenceScorer likesBeige = new CosinePreference(new float[] {0, 2}, rows,
                (user, itemRow) -> user[0] * recommender[itemRow][0] + user[1] * recommender[itemRow][1]);
        OutfitBuilder builder = new OutfitBuilder(catalogue, women(), likesBeige, 1.0);

        OutfitBuilder.Built built = builder.build(row("shoes-navy"));

        // top-beige 0.6 + 1 beats top-navy 0.8 + 0; bottom-beige 0.8 + 1 beats bottom-navy 0.8 + 0
        assertEquals(List.of("shoes-navy", "top-beige", "bottom-beige", "outerwear-camel"), ids(built.rows()));
        double preference = (0 + 1 + 1 + Math.sqrt(0.5)) / 4;
        assertEquals(preference, built.preference(), EPS);
        assertEquals(4.76 / 6, built.score().score(), EPS);
        assertEquals(4.76 / 6 + preference, built.total(), EPS);
        assertEquals(0.0, builder.preference(row("watch-black")), "an item the recommender lacks scores 0");
    }

    @Test
    void shouldTakePopularAnchorsRoundRobinOverTopDressAndBottomWithinTheRules() {
        int[] byPopularity = InlineCatalogue.IDS.stream().map(id -> row(id)).mapToInt(Integer::intValue).toArray();
        // most popular last: reverse the catalogue order
        for (int i = 0; i < byPopularity.length / 2; i++) {
            int t = byPopularity[i];
            byPopularity[i] = byPopularity[byPopularity.length - 1 - i];
            byPopularity[byPopularity.length - 1 - i] = t;
        }

        List<Integer> anchors = builder(women()).popularAnchors(byPopularity, 2);

        assertEquals(List.of("top-beige", "dress-beige", "bottom-beige", "top-navy", "bottom-navy"), ids(anchors),
                "the men's bottom is held out; one dress only");
    }

    @Test
    void shouldBuildAroundAnchorsInTurnAndDropAnchorsThatYieldNoOutfit() {
        List<OutfitBuilder.Built> outfits = builder(OutfitBuilder.Rules.none())
                .buildAround(List.of(row("top-navy"), row("dress-beige")), 5);

        assertEquals(2, outfits.size(), "the second round finds no shoes left for either anchor");
        assertEquals(List.of("top-navy", "bottom-navy", "shoes-navy", "bag-navy"), ids(outfits.get(0).rows()));
        assertEquals(List.of("dress-beige", "shoes-black", "outerwear-camel", "watch-black"),
                ids(outfits.get(1).rows()));
    }

    @Test
    void shouldCompleteAPartialOutfitWithTheBestCandidatesAndAlternatives() {
        OutfitBuilder builder = builder(OutfitBuilder.Rules.none());
        List<Slot> wanted = OutfitTemplates.slotsToFill(Set.of(Slot.TOP), List.of());

        OutfitBuilder.Completion completion = builder.complete(List.of(row("top-beige")), wanted, 1);

        assertEquals(List.of(Slot.BOTTOM, Slot.SHOES), wanted);
        assertEquals(List.of("top-beige", "bottom-beige", "shoes-navy"), ids(completion.outfit().rows()));
        assertNull(completion.outfit().anchor());
        OutfitBuilder.Filled bottom = completion.filled().get(0);
        assertEquals(List.of("bottom-beige", "bottom-navy"), ids(bottom.choices().stream()
                .map(OutfitBuilder.Choice::row).toList()), "held to the given top's gender: no men's bottom");
        assertEquals(1.0, bottom.choices().get(0).total(), EPS);
        assertEquals(0.6, bottom.choices().get(1).total(), EPS);
        assertEquals(List.of("shoes-navy", "shoes-black"), ids(completion.filled().get(1).choices().stream()
                .map(OutfitBuilder.Choice::row).toList()));
    }

    @Test
    void shouldHoldACompletionToTheGivenPiecesGenderOverTheShoppersImpliedOne() {
        // the shopper's likes imply men's wear; the top to complete is a women's top
        OutfitBuilder builder = builder(new OutfitBuilder.Rules(Set.of(), Gender.MEN, null));

        OutfitBuilder.Completion completion = builder.complete(List.of(row("top-beige")), List.of(Slot.BOTTOM), 3);

        assertFalse(ids(completion.filled().get(0).choices().stream().map(OutfitBuilder.Choice::row).toList())
                .contains("bottom-men-navy"));
        assertEquals("bottom-beige", ids(completion.filled().get(0).choices().stream()
                .map(OutfitBuilder.Choice::row).toList()).get(0));
    }

    @Test
    void shouldReportASlotNoCandidateCanFill() {
        OutfitBuilder builder = builder(new OutfitBuilder.Rules(Set.of(row("bag-navy")), null, null));

        OutfitBuilder.Completion completion = builder.complete(List.of(row("top-navy")), List.of(Slot.BAG), 3);

        assertEquals(List.of("top-navy"), ids(completion.outfit().rows()));
        assertTrue(completion.filled().get(0).choices().isEmpty());
    }

    @Test
    void shouldScoreGivenItemsAsTheyAre() {
        OutfitBuilder.Built built = builder(OutfitBuilder.Rules.none())
                .outfit(null, List.of(row("top-navy"), row("bottom-navy")));

        assertEquals(0.8, built.score().score(), EPS);
        assertEquals(0.8, built.total(), EPS);
        assertEquals("top-navy", built.score().weakest().orElseThrow().first());
    }
}
