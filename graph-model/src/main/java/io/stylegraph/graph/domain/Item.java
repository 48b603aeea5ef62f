package io.stylegraph.graph.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A catalogue item as imported and served. {@code image} is a file path or URL (may be null);
 * {@code attributes} holds source-specific fields that have no column of their own.
 */
public record Item(
        String id,
        String title,
        String description,
        String category,
        Slot slot,
        Gender gender,
        String colour,
        Map<String, String> attributes,
        String image,
        String source) {

    public Item {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("item id is blank");
        }
        slot = slot == null ? Slot.OTHER : slot;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
