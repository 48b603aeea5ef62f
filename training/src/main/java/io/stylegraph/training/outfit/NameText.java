package io.stylegraph.training.outfit;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.training.retrieval.ItemTexts;

/**
 * Which words of an item the compatibility model's {@code text} feature is the vector of. {@link #NAME}: the item's
 * name (title) alone, the form of models trained before the service shared its text pass. {@link #ITEM_TEXT}: the
 * name and category joined as {@link ItemTexts} joins an item's words for search, so a catalogue item's search text
 * vector (title, category, colour, ...) is in the form the model was trained on, and outfits need no text pass of
 * their own.
 */
public enum NameText {
    NAME("name"),
    ITEM_TEXT("item-text");

    /** Model parameter naming the form, absent in models trained on names alone. */
    public static final String PARAMETER = "textInput";

    private final String wireName;

    NameText(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The text to encode for an item with this name and category name; null when the item has no name. */
    public String of(String name, String category) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return this == NAME ? name : ItemTexts.of(name, category, null, null);
    }

    /**
     * The words of a catalogue item in this form: its title, or every word its search text vector is computed from
     * ({@link ItemTexts}: title, category, brand, colour, further categories, description); null when it has no title.
     */
    public String of(Item item) {
        if (item.title() == null || item.title().isBlank()) {
            return null;
        }
        return this == NAME ? item.title() : ItemTexts.of(item.title(), item.category(), item.colour(),
                item.description(), item.brand(), item.categories());
    }

    /** The form of a model's parameters: {@link #NAME} when the model does not say. */
    public static NameText ofModel(java.util.Map<String, String> parameters) {
        return parse(parameters.getOrDefault(PARAMETER, NAME.wireName));
    }

    public static NameText parse(String wireName) {
        for (NameText form : values()) {
            if (form.wireName.equals(wireName)) {
                return form;
            }
        }
        throw new IllegalArgumentException("unknown text input " + wireName + " (name or item-text)");
    }
}
