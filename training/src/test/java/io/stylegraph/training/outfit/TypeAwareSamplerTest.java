package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeAwareSamplerTest {

    private static ItemVectors named(String id, String type) {
        return new ItemVectors(id, type, null, Map.of(ItemVectors.TEXT, new float[] {1, id.length()}));
    }

    /** Two named outfits and one without names: the unnamed one has no other outfit to draw replacements from. */
    private static final List<OutfitRecord> OUTFITS = List.of(
            new OutfitRecord("a", List.of(named("a-top", "top"), named("a-bottom", "bottom"))),
            new OutfitRecord("b", List.of(named("b-top", "top"), named("b-bottom", "bottom"))),
            new OutfitRecord("c", List.of(ItemVectors.of("c-top", "top", null),
                    ItemVectors.of("c-bottom", "bottom", null))));

    private static final TypeAwareVocabulary VOCABULARY = TypeAwareVocabulary.of(OUTFITS, true);

    private static TypeAwareSampler sampler(TypeAwareConfig config) {
        return new TypeAwareSampler(VOCABULARY, OUTFITS, config.withCategoryDropout(0).withSeed(5));
    }

    private static String id(TypeAwareModel.Encoded e) {
        return VOCABULARY.itemIds.get(e.item());
    }

    @Test
    void shouldRepeatOutfitsWithContentInTheSchedule() {
        int[] schedule = sampler(TypeAwareConfig.defaults().withContentRepeats(3)).schedule();

        Arrays.sort(schedule);
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2}, schedule);
    }

    @Test
    void shouldDrawReplacementsOfTheSameTypeFromAnotherOutfitWithTheSameFeatures() {
        TypeAwareSampler sampler = sampler(TypeAwareConfig.defaults().withSameTypeShare(1).withBlankCandidates(2));

        for (int round = 0; round < 20; round++) {
            TypeAwareSampler.Ranking ranking = sampler.ranking(0);
            assertNotNull(ranking);
            for (int p = 0; p < 2; p++) {
                String original = OUTFITS.get(0).items().get(p).id();
                String expectedReplacement = original.replace("a-", "b-");
                assertTrue(List.of(original, expectedReplacement).contains(id(ranking.outfitA()[p])));
                assertEquals(ranking.changed()[p] ? expectedReplacement : id(ranking.outfitA()[p]),
                        id(ranking.outfitB()[p]), "B differs from A only where changed, by a same-type item of b");
            }
            assertTrue(ranking.changed()[0] || ranking.changed()[1], "B has at least one more wrong item than A");

            TypeAwareSampler.Blank blank = sampler.blank(1);
            assertNotNull(blank);
            assertEquals(1, blank.partial().length);
            String hidden = id(blank.candidates()[0]);
            assertTrue(hidden.startsWith("b-"), "the hidden item comes first: " + hidden);
            assertEquals(hidden.replace("b-", "a-"), id(blank.candidates()[1]));
            assertTrue(!id(blank.partial()[0]).equals(hidden));
        }
    }

    @Test
    void shouldDrawNothingWhereNoOtherOutfitHasItemsWithTheSameFeatures() {
        TypeAwareSampler sampler = sampler(TypeAwareConfig.defaults().withBlankCandidates(2));

        assertNull(sampler.ranking(2));
        assertNull(sampler.blank(2));
        assertEquals(2, sampler.largestOutfit());
    }
}
