package io.stylegraph.training.outfit;

import static io.stylegraph.training.outfit.InlineCatalogue.ids;
import static io.stylegraph.training.outfit.InlineCatalogue.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The category co-occurrence blend a served model carries: its file form and how the serving index applies it. */
class TextCategoryBlendTest {

    private static final double EPS = 1e-5;

    /** Toy outfits whose items fall into three categories per slot, so category pairs co-occur unevenly. */
    static List<OutfitRecord> toyWithCategories(String prefix, int count, long seed) {
        List<OutfitRecord> outfits = new ArrayList<>();
        for (OutfitRecord outfit : ToyOutfits.outfits(prefix, count, seed)) {
            List<ItemVectors> items = new ArrayList<>();
            for (ItemVectors item : outfit.items()) {
                float[] text = item.features().get(ItemVectors.TEXT);
                int colour = 0;
                for (int d = 1; d < ToyOutfits.COLOURS.size(); d++) {
                    colour = text[d] > text[colour] ? d : colour;
                }
                items.add(new ItemVectors(item.id(), item.type(), item.type() + "-" + colour % 3, item.features()));
            }
            outfits.add(new OutfitRecord(outfit.id(), items));
        }
        return outfits;
    }

    static TypeAwareModel blended() {
        List<OutfitRecord> train = toyWithCategories("t", 100, 1);
        TypeAwareModel model = new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(5)
                .withLearningRate(0.02)).train(train, null);
        return model.withTextCategoryBlend(new TypeAwareModel.TextCategoryBlend(TextCategoryCooccurrence.fit(train),
                MarylandEvaluation.BLEND_WEIGHT));
    }

    static List<ItemVectors> pool() {
        List<ItemVectors> items = new ArrayList<>();
        toyWithCategories("c", 6, 9).forEach(outfit -> items.addAll(outfit.items()));
        items.add(new ItemVectors("no-words", "shoes", null, Map.of()));
        return items;
    }

    static void assertServesAs(CompatibilityModel served, CompatibilityIndex index, List<ItemVectors> items) {
        assertEquals(served.pairScore(items.get(0), items.get(4)), index.pairScore(0, 4), EPS);
        int last = items.size() - 1;
        assertEquals(served.pairScore(items.get(1), items.get(last)), index.pairScore(1, last), EPS);
        assertEquals(served.outfitScore(List.of(items.get(0), items.get(1), items.get(2))),
                index.score(new int[] {0, 1, 2}).score(), EPS);
        int[] candidates = new int[items.size() - 2];
        for (int c = 0; c < candidates.length; c++) {
            candidates[c] = c + 2;
        }
        float[] scores = new float[candidates.length];
        index.candidateScores(new int[] {0, 1}, candidates, scores);
        for (int c = 0; c < candidates.length; c++) {
            assertEquals(served.candidateScore(List.of(items.get(0), items.get(1)), items.get(candidates[c])),
                    scores[c], EPS, "candidate " + c);
        }
    }

    @Test
    void shouldServeTheTypeAwareScorePlusTheWeightedCategoryCooccurrence() {
        TypeAwareModel model = blended();
        List<ItemVectors> items = pool();

        CompatibilityIndex index = CompatibilityIndex.build(model, items);

        assertTrue(index.blended());
        assertServesAs(model.served(), index, items);
        assertNotEquals(model.pairScore(items.get(0), items.get(4)), index.pairScore(0, 4), 1e-3,
                "the blend moves the score");
        CompatibilityIndex alone = (CompatibilityIndex) model.poolScorer(items);
        assertFalse(alone.blended(), "the model's own pool scorer (evaluation) stays type-aware alone");
        assertEquals(model.pairScore(items.get(0), items.get(4)), alone.pairScore(0, 4), EPS);
    }

    @Test
    void shouldKeepTheBlendThroughASaveAndLoad(@TempDir Path dir) throws IOException {
        TypeAwareModel model = blended().withParameters(Map.of("trainedOn", "toy"));
        Path file = dir.resolve("blended.sgoutfit");

        model.save(file);
        TypeAwareModel loaded = TypeAwareModel.load(file);

        TypeAwareModel.TextCategoryBlend blend = loaded.textCategoryBlend().orElseThrow();
        assertEquals(MarylandEvaluation.BLEND_WEIGHT, blend.weight());
        assertEquals(model.textCategoryBlend().orElseThrow().cooccurrence().categoryNames(),
                blend.cooccurrence().categoryNames());
        assertEquals("toy", loaded.parameters().get("trainedOn"));
        List<ItemVectors> items = pool();
        assertServesAs(model.served(), CompatibilityIndex.build(loaded, items), items);
    }

    @Test
    void shouldLoadAndServeAModelFileWithoutABlendAsTheTypeAwareModelAlone(@TempDir Path dir) throws IOException {
        TypeAwareModel blended = blended();
        TypeAwareModel plain = blended.withTextCategoryBlend(null);
        Path file = dir.resolve("plain.sgoutfit");

        plain.save(file);
        TypeAwareModel loaded = TypeAwareModel.load(file);

        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                .contains(TypeAwareModelFile.BLEND), "a model without a blend writes the header older builds wrote");
        assertTrue(loaded.textCategoryBlend().isEmpty());
        assertSame(loaded, loaded.served());
        List<ItemVectors> items = pool();
        CompatibilityIndex index = CompatibilityIndex.build(loaded, items);
        assertFalse(index.blended());
        assertServesAs(blended, index, items);
    }

    // --- outfits over the inline catalogue: top-navy's text says "tees", bottom-beige and the men's navy bottom
    // "skirts", bottom-navy "jeans"; tees and skirts went together in training, tees and jeans never did

    private static final float[] TEES = {1, 0, 0, 0, 0};
    private static final float[] SKIRTS = {0, 1, 0, 0, 0};
    private static final float[] JEANS = {0, 0, 1, 0, 0};
    private static final float[] SNEAKERS = {0, 0, 0, 1, 0};
    private static final float[] BLAZERS = {0, 0, 0, 0, 1};

    private static List<OutfitRecord> cooccurrenceTraining() {
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int o = 0; o < 20; o++) {
            outfits.add(new OutfitRecord("day-" + o, List.of(
                    new ItemVectors("tee-" + o, "top", "Tees", Map.of(ItemVectors.TEXT, TEES)),
                    new ItemVectors("skirt-" + o, "bottom", "Skirts", Map.of(ItemVectors.TEXT, SKIRTS)),
                    new ItemVectors("sneaker-" + o, "shoes", "Sneakers", Map.of(ItemVectors.TEXT, SNEAKERS)))));
            outfits.add(new OutfitRecord("office-" + o, List.of(
                    new ItemVectors("jeans-" + o, "bottom", "Jeans", Map.of(ItemVectors.TEXT, JEANS)),
                    new ItemVectors("blazer-" + o, "outerwear", "Blazers", Map.of(ItemVectors.TEXT, BLAZERS)))));
        }
        return outfits;
    }

    private static OutfitCatalogue inlineCatalogue(boolean withBlend) {
        Map<String, float[]> text = Map.of("top-navy", TEES, "bottom-beige", SKIRTS, "bottom-men-navy", SKIRTS,
                "bottom-navy", JEANS);
        List<ItemVectors> items = new ArrayList<>();
        for (int i = 0; i < InlineCatalogue.IDS.size(); i++) {
            String id = InlineCatalogue.IDS.get(i);
            items.add(ItemVectors.ofSlot(id, InlineCatalogue.SLOTS[i], null, text.get(id)));
        }
        TypeAwareModel model = InlineCatalogue.model();
        if (withBlend) {
            model = model.withTextCategoryBlend(new TypeAwareModel.TextCategoryBlend(
                    TextCategoryCooccurrence.fit(cooccurrenceTraining()), 1.0));
        }
        return OutfitCatalogue.of(CompatibilityIndex.build(model, items), InlineCatalogue.SLOTS,
                InlineCatalogue.GENDERS, InlineCatalogue.OCCASIONS);
    }

    private static OutfitBuilder.Rules women() {
        return new OutfitBuilder.Rules(Set.of(), Gender.WOMEN, null);
    }

    @Test
    void shouldPreferTheBottomWhoseCategoryWentWithTheTopsOverTheOneWhoseNeverDid() {
        OutfitCatalogue plain = inlineCatalogue(false);
        OutfitCatalogue blended = inlineCatalogue(true);
        List<Integer> top = List.of(row("top-navy"));

        List<OutfitBuilder.Choice> before = new OutfitBuilder(plain, women(), null, 0).rank(top, Slot.BOTTOM, 2);
        List<OutfitBuilder.Choice> after = new OutfitBuilder(blended, women(), null, 0).rank(top, Slot.BOTTOM, 2);

        assertEquals(List.of("bottom-navy", "bottom-beige"), ids(before.stream().map(OutfitBuilder.Choice::row)
                .toList()), "the type-aware cosines alone: navy 0.8, beige 0");
        assertEquals(List.of("bottom-beige", "bottom-navy"), ids(after.stream().map(OutfitBuilder.Choice::row)
                .toList()), "tees and skirts co-occurred, tees and jeans never did");
        // tees 40 endpoints, skirts 40, jeans 20, 80 pairs: PMI log(21/11) and log(1/6)
        assertEquals(0 + Math.log(21.0 / 11), after.get(0).compatibility(), EPS);
        assertEquals(0.8 + Math.log(1.0 / 6), after.get(1).compatibility(), EPS);
    }

    @Test
    void shouldBuildAndCompleteWithTheBlendWhileHoldingTheGenderRule() {
        OutfitCatalogue blended = inlineCatalogue(true);

        OutfitBuilder.Built built = new OutfitBuilder(blended, women(), null, 0).build(row("top-navy"));
        OutfitBuilder.Completion completion = new OutfitBuilder(blended, OutfitBuilder.Rules.none(), null, 0)
                .complete(List.of(row("top-navy")), List.of(Slot.BOTTOM, Slot.SHOES), 1);

        assertEquals("bottom-beige", ids(built.rows()).get(1),
                "the skirt, not the jeans; the men's skirt is held back by the women's rule");
        assertFalse(built.rows().contains(row("bottom-men-navy")));
        OutfitBuilder.Filled bottom = completion.filled().get(0);
        assertEquals(Slot.BOTTOM, bottom.slot());
        assertEquals(List.of("bottom-beige", "bottom-navy"), ids(bottom.choices().stream()
                .map(OutfitBuilder.Choice::row).toList()),
                "the women's top holds the completion to women's and unisex items: no men's skirt");
        assertEquals(Slot.SHOES, completion.filled().get(1).slot());
        assertEquals(built.score().score(), blended.index().score(built.rows().stream().mapToInt(Integer::intValue)
                .toArray()).score(), EPS);
    }
}
