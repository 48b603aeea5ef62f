package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stylegraph.graph.domain.Slot;

/**
 * Which slots make an outfit: the core templates (top + bottom + shoes, or dress + shoes), the extras added where they
 * do not pull an outfit down, the slots popular anchors come from, and what a partial outfit lacks.
 */
public final class OutfitTemplates {
    /** The core slots of an outfit of separates. */
    public static final List<Slot> SEPARATES = List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES);
    /** The core slots of an outfit around a dress. */
    public static final List<Slot> DRESSED = List.of(Slot.DRESS, Slot.SHOES);
    /** Slots added where they do not pull the outfit down. */
    public static final List<Slot> EXTRAS = List.of(Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY);
    /** The slots popular anchors are taken from, in turn. */
    public static final List<Slot> ANCHOR_SLOTS = List.of(Slot.TOP, Slot.DRESS, Slot.BOTTOM);

    private OutfitTemplates() {
    }

    /** The templates an anchor of this slot can head: separates for a top or bottom, a dress's own, else both. */
    public static List<List<Slot>> forAnchor(Slot slot) {
        return slot == Slot.TOP || slot == Slot.BOTTOM ? List.of(SEPARATES)
                : slot == Slot.DRESS ? List.of(DRESSED) : List.of(SEPARATES, DRESSED);
    }

    /**
     * The slots a completion fills: the requested ones the given items lack (in the order asked, once each), or
     * without a request what the template of the given slots lacks (shoes for a dress, else top, bottom, shoes).
     */
    public static List<Slot> slotsToFill(Set<Slot> present, List<Slot> requested) {
        List<Slot> wanted = new ArrayList<>();
        if (requested != null && !requested.isEmpty()) {
            for (Slot slot : requested) {
                if (!present.contains(slot) && !wanted.contains(slot)) {
                    wanted.add(slot);
                }
            }
            return wanted;
        }
        List<Slot> template = present.contains(Slot.DRESS) ? DRESSED : SEPARATES;
        template.stream().filter(slot -> !present.contains(slot)).forEach(wanted::add);
        return wanted;
    }
}
