package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import io.stylegraph.graph.domain.Slot;
import org.junit.jupiter.api.Test;

class OutfitTemplatesTest {

    @Test
    void shouldFillWhatTheTemplateOfTheGivenSlotsLacksWhenNoSlotsAreRequested() {
        assertEquals(List.of(Slot.BOTTOM, Slot.SHOES), OutfitTemplates.slotsToFill(Set.of(Slot.TOP), List.of()));
        assertEquals(List.of(Slot.SHOES), OutfitTemplates.slotsToFill(Set.of(Slot.DRESS, Slot.BAG), null));
        assertEquals(List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES), OutfitTemplates.slotsToFill(Set.of(Slot.BAG),
                List.of()));
    }

    @Test
    void shouldFillTheRequestedSlotsTheOutfitLacksOnceEachInTheOrderAsked() {
        assertEquals(List.of(Slot.SHOES, Slot.BAG), OutfitTemplates.slotsToFill(Set.of(Slot.TOP),
                List.of(Slot.SHOES, Slot.TOP, Slot.SHOES, Slot.BAG)));
    }

    @Test
    void shouldLetOnlyShoesAndExtrasHeadBothTemplates() {
        assertEquals(List.of(OutfitTemplates.SEPARATES), OutfitTemplates.forAnchor(Slot.BOTTOM));
        assertEquals(List.of(OutfitTemplates.DRESSED), OutfitTemplates.forAnchor(Slot.DRESS));
        assertEquals(List.of(OutfitTemplates.SEPARATES, OutfitTemplates.DRESSED),
                OutfitTemplates.forAnchor(Slot.BAG));
    }
}
