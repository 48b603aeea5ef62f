package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The vocabularies of a {@link TypeAwareModel}: its types (slots), categories, item ids and content features, and how
 * an item maps onto the rows of the model's tables. Collected from the training outfits, or read from a model file.
 */
final class TypeAwareVocabulary {

    final List<String> types;
    final List<String> categories;
    final List<String> itemIds;
    final List<FeatureSpec> features;
    /** The length of the concatenated content vector: the projection table's row count. */
    final int contentDimension;
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final int[] featureOffsets;
    private final int otherType;

    TypeAwareVocabulary(List<String> types, List<String> categories, List<String> itemIds,
                        List<FeatureSpec> features) {
        this.types = List.copyOf(types);
        this.categories = List.copyOf(categories);
        this.itemIds = List.copyOf(itemIds);
        this.features = List.copyOf(features);
        for (int i = 0; i < types.size(); i++) {
            typeIndex.put(types.get(i), i);
        }
        for (int i = 0; i < categories.size(); i++) {
            categoryIndex.put(categories.get(i), i);
        }
        for (int i = 0; i < itemIds.size(); i++) {
            itemIndex.put(itemIds.get(i), i);
        }
        featureOffsets = new int[features.size()];
        int offset = 0;
        for (int f = 0; f < features.size(); f++) {
            featureOffsets[f] = offset;
            offset += features.get(f).dimension();
        }
        contentDimension = offset;
        otherType = typeIndex.getOrDefault("other", -1);
    }

    /**
     * The sorted types, categories and features of the outfits' items, and their item ids where {@code withItemIds}.
     * Throws {@link IllegalArgumentException} for a feature whose dimension differs between items.
     */
    static TypeAwareVocabulary of(List<OutfitRecord> outfits, boolean withItemIds) {
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        TreeMap<String, Integer> features = new TreeMap<>();
        for (OutfitRecord outfit : outfits) {
            for (ItemVectors item : outfit.items()) {
                types.add(item.type());
                if (item.category() != null) {
                    categories.add(item.category());
                }
                if (withItemIds) {
                    ids.add(item.id());
                }
                item.features().forEach((name, vector) -> {
                    Integer known = features.putIfAbsent(name, vector.length);
                    if (known != null && known != vector.length) {
                        throw new IllegalArgumentException("feature " + name + " has " + vector.length
                                + " dimensions at item " + item.id() + " and " + known + " elsewhere");
                    }
                });
            }
        }
        List<FeatureSpec> specs = new ArrayList<>();
        features.forEach((name, dim) -> specs.add(new FeatureSpec(name, dim)));
        return new TypeAwareVocabulary(new ArrayList<>(types), new ArrayList<>(categories), new ArrayList<>(ids),
                specs);
    }

    /** The number of unordered type pairs, each with its own subspace. */
    int pairs() {
        return TypeAwareModel.numPairs(types.size());
    }

    /** Index of the unordered type pair (a, b) in the triangular pair tables. */
    int pairIndex(int a, int b) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        return a * (2 * types.size() - a + 1) / 2 + (b - a);
    }

    /**
     * Maps an item onto the vocabularies. An unknown type counts as {@code other} when the model knows that type
     * and is an error otherwise; an unknown category or item id is simply absent; a feature the model does not
     * read is ignored.
     */
    TypeAwareModel.Encoded encode(ItemVectors item) {
        Integer type = typeIndex.get(item.type());
        if (type == null) {
            if (otherType < 0) {
                throw new IllegalArgumentException("unknown item type '" + item.type() + "' (item " + item.id()
                        + "); the model knows " + types);
            }
            type = otherType;
        }
        int category = item.category() == null ? -1 : categoryIndex.getOrDefault(item.category(), -1);
        int id = itemIndex.getOrDefault(item.id(), -1);
        float[] content = null;
        for (int f = 0; f < features.size(); f++) {
            FeatureSpec spec = features.get(f);
            float[] vector = item.features().get(spec.name());
            if (vector == null) {
                continue;
            }
            if (vector.length != spec.dimension()) {
                throw new IllegalArgumentException(spec.name() + " vector of item " + item.id() + " has "
                        + vector.length + " dimensions, the model reads " + spec.dimension());
            }
            if (content == null) {
                content = new float[contentDimension];
            }
            System.arraycopy(vector, 0, content, featureOffsets[f], vector.length);
        }
        return new TypeAwareModel.Encoded(type, category, id, content);
    }

    /** Which features an encoded item has, as a bit set over the vocabulary's features. */
    int featureBits(TypeAwareModel.Encoded e) {
        if (e.content() == null) {
            return 0;
        }
        int bits = 0;
        for (int f = 0; f < features.size(); f++) {
            for (int k = featureOffsets[f]; k < featureOffsets[f] + features.get(f).dimension(); k++) {
                if (e.content()[k] != 0) {
                    bits |= 1 << f;
                    break;
                }
            }
        }
        return bits;
    }
}
