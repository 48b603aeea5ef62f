package io.stylegraph.graph.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class CatalogueSourceTest {

    @Test
    void shouldHandTheGivenItemsOnUnderItsName() throws Exception {
        Item shirt = new Item("s1", "Linen shirt", null, "Shirts", Slot.TOP, null, "White", java.util.Map.of(), null,
                "api");
        List<Item> items = new ArrayList<>(List.of(shirt));
        CatalogueSource source = CatalogueSource.of("api", items);
        items.clear();
        List<Item> read = new ArrayList<>();

        source.read(ImportSinks.itemsTo(read::add));

        assertEquals("api", source.name());
        assertEquals(List.of(shirt), read);
    }
}
