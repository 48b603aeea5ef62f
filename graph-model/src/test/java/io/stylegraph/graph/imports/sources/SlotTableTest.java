package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class SlotTableTest {
    @Test
    void shouldPreferExactNamesThenKeywordsInOrder() {
        SlotTable table = SlotTable.builder()
                .names(Slot.TOP, "Dress Shirts")
                .keywords(Slot.DRESS, "dress")
                .keywords(Slot.SHOES, "boot")
                .build();

        assertEquals(Slot.TOP, table.slotOf("dress shirts"));
        assertEquals(Slot.DRESS, table.slotOf("Cocktail Dresses"));
        assertEquals(Slot.SHOES, table.slotOf("Ankle Boots"));
        assertEquals(Slot.OTHER, table.slotOf("Dressers"));
        assertEquals(Slot.OTHER, table.slotOf("Bootcut"));
        assertEquals(Slot.OTHER, table.slotOf(null));
    }

    @Test
    void shouldRefuseANameMappedToTwoSlots() {
        assertThrows(IllegalArgumentException.class,
                () -> SlotTable.builder().names(Slot.TOP, "Vest").names(Slot.OUTERWEAR, "vest"));
    }
}
