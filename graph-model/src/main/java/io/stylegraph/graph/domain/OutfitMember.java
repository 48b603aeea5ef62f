package io.stylegraph.graph.domain;

import java.util.Objects;

/** One item of an outfit, in the slot it fills there. */
public record OutfitMember(String itemId, Slot slot) {
    public OutfitMember {
        Objects.requireNonNull(itemId, "itemId");
        slot = slot == null ? Slot.OTHER : slot;
    }
}
