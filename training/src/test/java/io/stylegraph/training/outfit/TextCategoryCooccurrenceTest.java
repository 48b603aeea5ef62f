package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextCategoryCooccurrenceTest {

    private static ItemVectors item(String id, String type, String category, float... text) {
        return new ItemVectors(id, type, category, text.length == 0 ? Map.of() : Map.of(ItemVectors.TEXT, text));
    }

    /** Tops go with jeans, dresses with pumps; each category's items point their text one way, slightly apart. */
    private static List<OutfitRecord> training() {
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int o = 0; o < 20; o++) {
            float jitter = o * 0.01f;
            outfits.add(new OutfitRecord("casual-" + o, List.of(
                    item("top-" + o, "top", "Tops", 1, jitter, 0, 0),
                    item("jeans-" + o, "bottom", "Jeans", 0, 1, jitter, 0))));
            outfits.add(new OutfitRecord("evening-" + o, List.of(
                    item("dress-" + o, "dress", "Dresses", jitter, 0, 1, 0),
                    item("pumps-" + o, "shoes", "Pumps", 0, jitter, 0, 1))));
        }
        return outfits;
    }

    @Test
    void shouldGiveAnUncategorisedItemTheCategoryNearestItsText() {
        TextCategoryCooccurrence model = TextCategoryCooccurrence.fit(training());

        assertEquals("Tops", model.categoryOf(item("shirt", "top", null, 0.9f, 0.2f, 0.1f, 0)));
        assertEquals("Pumps", model.categoryOf(item("heels", "shoes", "Shoes", 0.1f, 0, 0.2f, 0.8f)),
                "a catalogue's own category is replaced by the nearest training one");
        assertNull(model.categoryOf(item("no-words", "shoes", "Pumps")), "without text, the slot alone");
    }

    @Test
    void shouldScoreGuessedCategoriesThatWentTogetherAboveThoseThatNeverDid() {
        TextCategoryCooccurrence model = TextCategoryCooccurrence.fit(training());
        ItemVectors shirt = item("shirt", "top", null, 0.9f, 0.2f, 0.1f, 0);
        ItemVectors denim = item("denim", "bottom", null, 0.1f, 0.9f, 0, 0);
        ItemVectors heels = item("heels", "shoes", null, 0, 0.1f, 0.1f, 0.9f);

        assertTrue(model.pairScore(shirt, denim) > 0, "tops and jeans were together more than by chance");
        assertTrue(model.pairScore(shirt, heels) < 0, "tops and pumps never were");
        assertEquals(model.pairScore(shirt, denim), model.pairScore(denim, shirt), 1e-12);
    }

    @Test
    void shouldScoreTrainingItemsByTheirCategoriesAloneAsACatalogueItemWouldBe() {
        List<OutfitRecord> train = training();
        TextCategoryCooccurrence model = TextCategoryCooccurrence.fit(train);
        CooccurrenceModel withItemPairs = CooccurrenceModel.fit(train);
        ItemVectors top = train.get(0).items().get(0);
        ItemVectors jeans = train.get(0).items().get(1);
        ItemVectors freshTop = item("new-top", "top", "Tops", top.features().get(ItemVectors.TEXT));
        ItemVectors freshJeans = item("new-jeans", "bottom", "Jeans", jeans.features().get(ItemVectors.TEXT));

        assertEquals(model.pairScore(freshTop, freshJeans), model.pairScore(top, jeans), 1e-12,
                "no item-pair term: a pair seen in training scores as any other pair of its categories");
        assertTrue(withItemPairs.pairScore(top, jeans) > withItemPairs.pairScore(freshTop, freshJeans),
                "the plain co-occurrence model does add the item pair");
    }
}
