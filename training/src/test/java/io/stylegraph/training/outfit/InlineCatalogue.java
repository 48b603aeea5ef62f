package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * A small catalogue over a type-aware model whose weights are set by hand, so every score is known: each item's
 * general-space vector is its own unit vector below (axes: navy, beige, black), every type pair weighs all dimensions
 * by 1 without bias, so a pair score is the cosine of the two items' vectors and an outfit's score the mean cosine.
 * The lamp's slot is no type of the model, so it is no outfit item.
 */
final class InlineCatalogue {
    static final List<String> IDS = List.of("top-navy", "top-beige", "bottom-men-navy", "bottom-navy",
            "bottom-beige", "shoes-navy", "shoes-black", "dress-beige", "outerwear-camel", "bag-navy", "watch-black",
            "lamp");
    static final Slot[] SLOTS = {Slot.TOP, Slot.TOP, Slot.BOTTOM, Slot.BOTTOM, Slot.BOTTOM, Slot.SHOES, Slot.SHOES,
            Slot.DRESS, Slot.OUTERWEAR, Slot.BAG, Slot.ACCESSORY, Slot.OTHER};
    static final Gender[] GENDERS = {Gender.WOMEN, Gender.WOMEN, Gender.MEN, Gender.WOMEN, Gender.WOMEN,
            Gender.UNISEX, Gender.WOMEN, Gender.WOMEN, Gender.WOMEN, Gender.WOMEN, Gender.UNISEX, null};
    static final String[] OCCASIONS = {"casual", "formal", "casual", "casual", "formal", "casual", "formal",
            "formal", "casual", "casual", "formal", null};
    static final float[][] VECTORS = {
            {1f, 0f, 0f}, {0f, 1f, 0f}, {0.96f, 0.28f, 0f}, {0.8f, 0.6f, 0f}, {0f, 1f, 0f}, {0.8f, 0.6f, 0f},
            {0f, 0f, 1f}, {0f, 1f, 0f}, {0.6f, 0.8f, 0f}, {0.96f, 0.28f, 0f}, {0f, 0.6f, 0.8f}, {1f, 0f, 0f}};

    private InlineCatalogue() {
    }

    static int row(String id) {
        int row = IDS.indexOf(id);
        if (row < 0) {
            throw new IllegalArgumentException("no item " + id);
        }
        return row;
    }

    static List<String> ids(List<Integer> rows) {
        return rows.stream().map(IDS::get).toList();
    }

    /** The hand-set model: per-item embeddings only, all-ones masks, no biases. */
    static TypeAwareModel model() {
        int d = 3;
        List<String> types = OutfitCatalogue.OUTFIT_SLOTS.stream().map(ItemVectors::typeOf).toList();
        int pairs = TypeAwareModel.numPairs(types.size());
        float[] items = new float[IDS.size() * d];
        for (int i = 0; i < IDS.size(); i++) {
            System.arraycopy(VECTORS[i], 0, items, i * d, d);
        }
        float[] masks = new float[pairs * d];
        Arrays.fill(masks, 1f);
        return new TypeAwareModel(d, types, List.of(), IDS, List.of(), Map.of(), new float[d],
                new float[types.size() * d], new float[0], items, new float[0], masks, new float[pairs]);
    }

    static OutfitCatalogue catalogue() {
        List<ItemVectors> items = new ArrayList<>();
        for (int i = 0; i < IDS.size(); i++) {
            items.add(ItemVectors.ofSlot(IDS.get(i), SLOTS[i], null, null));
        }
        return OutfitCatalogue.of(CompatibilityIndex.build(model(), items), SLOTS, GENDERS, OCCASIONS);
    }
}
