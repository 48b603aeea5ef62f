package io.stylegraph.graph.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalogue item as imported and served. {@code image} is a file path or URL (may be null);
 * {@code attributes} holds source-specific fields that have no column of their own. {@code category} is the item's
 * one main category; {@code categories} the category names of catalogues that file an item under several, each once
 * (amazon-clothing: the whole browse-category set, most specific first; the generic format: as given, with or without
 * the main one); empty for single-category catalogues. {@link #allCategories()} is the union. {@code brand} is null
 * when the catalogue does not name one.
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
        String source,
        String brand,
        List<String> categories) {

    public Item {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("item id is blank");
        }
        slot = slot == null ? Slot.OTHER : slot;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        brand = brand == null || brand.isBlank() ? null : brand.strip();
        categories = categories == null ? List.of() : distinctNames(categories);
    }

    /** An item of a catalogue with one category and no brand. */
    public Item(String id, String title, String description, String category, Slot slot, Gender gender, String colour,
                Map<String, String> attributes, String image, String source) {
        this(id, title, description, category, slot, gender, colour, attributes, image, source, null, List.of());
    }

    /**
     * Every category the item is filed under: its main category first, then the others, each once. These are the
     * {@code (:Item)-[:IN_CATEGORY]->(:Category)} edges of the graph.
     */
    public List<String> allCategories() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (category != null && !category.isBlank()) {
            all.add(category);
        }
        all.addAll(categories);
        return List.copyOf(all);
    }

    private static List<String> distinctNames(List<String> names) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                distinct.add(name.strip());
            }
        }
        return List.copyOf(distinct);
    }
}
