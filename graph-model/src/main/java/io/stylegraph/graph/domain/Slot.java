package io.stylegraph.graph.domain;

import java.util.Locale;
import java.util.Optional;

/** The place a garment takes in an outfit. {@link #OTHER} covers everything that does not fill an outfit slot. */
public enum Slot {
    TOP, BOTTOM, DRESS, OUTERWEAR, SHOES, BAG, ACCESSORY, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Slot> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Slot.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
