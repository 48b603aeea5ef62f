package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CooccurrenceModelTest {

    @Test
    void shouldPreferCategoryPairsSeenTogetherAndAddItemEvidenceOnlyForKnownItems() {
        List<OutfitRecord> train = new ArrayList<>();
        for (int o = 0; o < 20; o++) {
            train.add(new OutfitRecord("a" + o, List.of(ItemVectors.of("jeans" + o, "bottom", "Jeans"),
                    ItemVectors.of("tee" + o, "top", "T-Shirts"))));
            train.add(new OutfitRecord("b" + o, List.of(ItemVectors.of("gown" + o, "dress", "Gowns"),
                    ItemVectors.of("pump" + o, "shoes", "Pumps"))));
        }
        train.add(new OutfitRecord("c", List.of(ItemVectors.of("jeans0", "bottom", "Jeans"),
                ItemVectors.of("pump0", "shoes", "Pumps"))));
        CooccurrenceModel model = CooccurrenceModel.fit(train);

        ItemVectors jeans = ItemVectors.of("new-jeans", "bottom", "Jeans");
        ItemVectors tee = ItemVectors.of("new-tee", "top", "T-Shirts");
        ItemVectors gown = ItemVectors.of("new-gown", "dress", "Gowns");
        assertTrue(model.pairScore(jeans, tee) > 0);
        assertTrue(model.pairScore(jeans, gown) < 0);
        assertEquals(model.pairScore(jeans, tee), model.pairScore(tee, jeans), 1e-12);
        // the seen item pair jeans0-pump0 beats an unseen pair of the same categories
        assertTrue(model.pairScore(ItemVectors.of("jeans0", "bottom", "Jeans"), ItemVectors.of("pump0", "shoes",
                "Pumps")) > model.pairScore(ItemVectors.of("jeans1", "bottom", "Jeans"),
                ItemVectors.of("pump2", "shoes", "Pumps")));
        // without a category, the type stands in
        assertTrue(Double.isFinite(model.pairScore(jeans.withoutCategory(), tee)));
    }
}
