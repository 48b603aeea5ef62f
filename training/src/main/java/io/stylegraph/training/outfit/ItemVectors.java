package io.stylegraph.training.outfit;

import io.stylegraph.graph.domain.Slot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item as the compatibility model sees it.
 *
 * @param id       the item's id (used for learned per-item embeddings where a model has them, and to tell items
 *                 apart)
 * @param type     the type whose pair spaces the item is compared in: the slot's wire name ({@code top},
 *                 {@code shoes}, ...; see {@link #typeOf(Slot)}) for catalogue items and Maryland outfits, the
 *                 category name for the 11-category Polyvore Outfits data
 * @param category a finer category key (e.g. a Polyvore category id), or null when unknown
 * @param features content vectors by name ({@code text}, {@code visual}, {@code embedding}, ...); an item may lack
 *                 any of them
 * @param words    the distinct words of the item's name or title ({@link ItemWords#of}), empty when it has none; what
 *                 {@link WordOverlap} compares
 */
public record ItemVectors(String id, String type, String category, Map<String, float[]> features,
                          List<String> words) {

    /** The feature name of the name/title text vector. */
    public static final String TEXT = "text";

    public ItemVectors {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Map<String, float[]> copy = new LinkedHashMap<>();
        if (features != null) {
            features.forEach((name, vector) -> {
                if (vector != null) {
                    copy.put(name, vector);
                }
            });
        }
        features = Map.copyOf(copy);
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** An item without words. */
    public ItemVectors(String id, String type, String category, Map<String, float[]> features) {
        this(id, type, category, features, List.of());
    }

    public static ItemVectors of(String id, String type, String category) {
        return new ItemVectors(id, type, category, Map.of());
    }

    /** A catalogue item, typed by its slot, with the vector of its title where there is one ({@code title} null). */
    public static ItemVectors ofSlot(String id, Slot slot, String category, float[] title) {
        return new ItemVectors(id, typeOf(slot), category, title == null ? Map.of() : Map.of(TEXT, title));
    }

    /** The type string of a slot: its wire name. */
    public static String typeOf(Slot slot) {
        return slot.wireName();
    }

    public ItemVectors with(String feature, float[] vector) {
        Map<String, float[]> copy = new LinkedHashMap<>(features);
        copy.put(feature, vector);
        return new ItemVectors(id, type, category, copy, words);
    }

    /** The same item with the distinct words of {@code text} ({@link ItemWords#of}; null: none). */
    public ItemVectors withWords(String text) {
        return new ItemVectors(id, type, category, features, ItemWords.of(text));
    }

    public ItemVectors withoutCategory() {
        return new ItemVectors(id, type, null, features, words);
    }

    public ItemVectors withoutFeature(String feature) {
        Map<String, float[]> copy = new LinkedHashMap<>(features);
        copy.remove(feature);
        return new ItemVectors(id, type, category, copy, words);
    }

    /** Adds each source's vector for this item, where the source has one. */
    public ItemVectors withExtras(Iterable<? extends ExtraVectors> extras) {
        ItemVectors result = this;
        for (ExtraVectors extra : extras) {
            float[] vector = extra.vectorOf(id);
            if (vector != null) {
                if (vector.length != extra.dimension()) {
                    throw new IllegalArgumentException(extra.feature() + " vector of item " + id + " has "
                            + vector.length + " dimensions, expected " + extra.dimension());
                }
                result = result.with(extra.feature(), vector);
            }
        }
        return result;
    }
}
