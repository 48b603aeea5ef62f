package io.stylegraph.training.outfit;

import static io.stylegraph.training.outfit.InlineCatalogue.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class OutfitCatalogueTest {

    @Test
    void shouldListTheScorableRowsOfEachOutfitSlotInRowOrder() {
        OutfitCatalogue catalogue = InlineCatalogue.catalogue();

        assertArrayEquals(new int[] {row("bottom-men-navy"), row("bottom-navy"), row("bottom-beige")},
                catalogue.rows(Slot.BOTTOM));
        assertEquals(0, catalogue.rows(Slot.OTHER).length, "no outfit slot");
        assertFalse(catalogue.outfitItem(row("lamp")), "a type the model cannot place");
        assertTrue(catalogue.outfitItem(row("watch-black")));
        assertEquals(Gender.UNISEX, catalogue.gender(row("shoes-navy")));
        assertEquals("formal", catalogue.occasion(row("dress-beige")));
    }

    @Test
    void shouldRefuseAttributesOfAnotherNumberOfRowsThanTheIndex() {
        CompatibilityIndex index = InlineCatalogue.catalogue().index();

        assertThrows(IllegalArgumentException.class, () -> OutfitCatalogue.of(index, new Slot[] {Slot.TOP},
                InlineCatalogue.GENDERS, InlineCatalogue.OCCASIONS));
    }
}
