package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class OutfitRecordTest {
    private static final Map<String, Item> CATALOGUE = Map.of(
            "a", item("a", "white shirt", Slot.TOP),
            "b", item("b", "blue jeans", Slot.BOTTOM),
            "c", item("c", null, Slot.SHOES));

    private static Item item(String id, String title, Slot slot) {
        return new Item(id, title, null, "cat", slot, null, null, Map.of(), null, "test");
    }

    private static Optional<Item> find(String id) {
        return Optional.ofNullable(CATALOGUE.get(id));
    }

    @Test
    void shouldTurnAStoredOutfitIntoATrainingOutfitOfItsCatalogueItemsByTitleVector() {
        float[] shirt = {1f, 0f};

        OutfitRecord look = OutfitRecord.ofMembers("look", List.of(new OutfitMember("a", Slot.TOP),
                        new OutfitMember("c", Slot.SHOES), new OutfitMember("gone", Slot.BAG)),
                OutfitRecordTest::find, Map.of("white shirt", shirt)).orElseThrow();

        assertEquals("look", look.id());
        assertEquals(List.of("a", "c"), look.items().stream().map(ItemVectors::id).toList(),
                "a member the catalogue lacks is left out");
        assertEquals(List.of("top", "shoes"), look.items().stream().map(ItemVectors::type).toList());
        assertEquals("cat", look.items().get(0).category());
        assertArrayEquals(shirt, look.items().get(0).features().get(ItemVectors.TEXT));
        assertNull(look.items().get(1).features().get(ItemVectors.TEXT), "an item without a title has no text");
    }

    @Test
    void shouldDropAStoredOutfitLeftWithOneCatalogueItem() {
        assertTrue(OutfitRecord.ofMembers("single", List.of(new OutfitMember("b", Slot.BOTTOM),
                new OutfitMember("gone", Slot.TOP)), OutfitRecordTest::find, Map.of()).isEmpty(),
                "an outfit of one item teaches no pair");
    }
}
