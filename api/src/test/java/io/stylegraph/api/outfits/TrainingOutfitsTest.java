package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.OutfitRecord;
import org.junit.jupiter.api.Test;

class TrainingOutfitsTest {

    private static RatedItem item(String id, String title, Slot slot) {
        return new RatedItem(new Item(id, title, null, "cat", slot, null, null, Map.of(), null, "test"), 0, 0);
    }

    @Test
    void shouldTurnLikedOutfitsIntoTrainingOutfitsOfTheirCatalogueItemsByTitleVector() {
        CatalogueSnapshot snapshot = CatalogueSnapshot.of(List.of(item("a", "white shirt", Slot.TOP),
                item("b", "blue jeans", Slot.BOTTOM), item("c", null, Slot.SHOES)));
        float[] shirt = {1f, 0f};

        List<OutfitRecord> records = OutfitModels.trainingOutfits(List.of(
                new LooksRepository.StoredOutfit("look", List.of(new OutfitMember("a", Slot.TOP),
                        new OutfitMember("c", Slot.SHOES), new OutfitMember("gone", Slot.BAG))),
                new LooksRepository.StoredOutfit("single", List.of(new OutfitMember("b", Slot.BOTTOM)))),
                snapshot, Map.of("white shirt", shirt));

        assertEquals(1, records.size(), "an outfit left with one catalogue item teaches no pair");
        OutfitRecord look = records.get(0);
        assertEquals(List.of("a", "c"), look.items().stream().map(ItemVectors::id).toList());
        assertEquals(List.of("top", "shoes"), look.items().stream().map(ItemVectors::type).toList());
        assertArrayEquals(shirt, look.items().get(0).features().get(ItemVectors.TEXT));
        assertNull(look.items().get(1).features().get(ItemVectors.TEXT), "an item without a title has no text");
    }
}
