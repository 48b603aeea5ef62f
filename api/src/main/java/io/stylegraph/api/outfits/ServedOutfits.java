package io.stylegraph.api.outfits;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.training.outfit.CompatibilityIndex;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.TypeAwareModel;

/**
 * The compatibility model applied to one catalogue snapshot: index rows are the snapshot's item indices, each item
 * embedded once from its slot, category and title vector. Also the per-slot candidate rows and each item's occasion
 * (its {@code usage} or {@code occasion} attribute). Immutable; replaced when the model or the item set changes.
 */
final class ServedOutfits {
    static final List<Slot> OUTFIT_SLOTS = List.of(Slot.TOP, Slot.BOTTOM, Slot.DRESS, Slot.OUTERWEAR, Slot.SHOES,
            Slot.BAG, Slot.ACCESSORY);

    private final String modelId;
    private final CatalogueSnapshot snapshot;
    private final CompatibilityIndex index;
    private final String[] occasions;
    private final Gender[] genders;
    private final Map<String, String> knownOccasions;
    private final Map<Slot, int[]> rowsBySlot;

    private ServedOutfits(String modelId, CatalogueSnapshot snapshot, CompatibilityIndex index, String[] occasions,
                          Gender[] genders, Map<String, String> knownOccasions, Map<Slot, int[]> rowsBySlot) {
        this.modelId = modelId;
        this.snapshot = snapshot;
        this.index = index;
        this.occasions = occasions;
        this.genders = genders;
        this.knownOccasions = knownOccasions;
        this.rowsBySlot = rowsBySlot;
    }

    /** Embeds the snapshot's items; {@code titleVectors} maps a title to its vector in the model's text space. */
    static ServedOutfits build(String modelId, TypeAwareModel model, CatalogueSnapshot snapshot,
                               Map<String, float[]> titleVectors) {
        List<ItemVectors> items = new ArrayList<>(snapshot.size());
        String[] occasions = new String[snapshot.size()];
        Gender[] genders = new Gender[snapshot.size()];
        Map<String, String> known = new TreeMap<>();
        for (int row = 0; row < snapshot.size(); row++) {
            Item item = snapshot.get(row).item();
            genders[row] = item.gender();
            ItemVectors vectors = ItemVectors.of(item.id(), ItemVectors.typeOf(item.slot()), item.category());
            float[] title = item.title() == null ? null : titleVectors.get(item.title());
            items.add(title == null ? vectors : vectors.with(ItemVectors.TEXT, title));
            String occasion = occasionOf(item);
            if (occasion != null) {
                occasions[row] = occasion.toLowerCase(Locale.ROOT);
                known.putIfAbsent(occasions[row], occasion);
            }
        }
        CompatibilityIndex index = CompatibilityIndex.build(model, items);
        Map<Slot, int[]> bySlot = new EnumMap<>(Slot.class);
        for (Slot slot : OUTFIT_SLOTS) {
            bySlot.put(slot, snapshot.indicesInSlot(slot).stream().mapToInt(Integer::intValue)
                    .filter(index::scorable).toArray());
        }
        return new ServedOutfits(modelId, snapshot, index, occasions, genders, Map.copyOf(known), bySlot);
    }

    static String occasionOf(Item item) {
        String usage = item.attributes().get("usage");
        String occasion = usage != null && !usage.isBlank() ? usage : item.attributes().get("occasion");
        return occasion == null || occasion.isBlank() ? null : occasion.strip();
    }

    /** True when {@code other} lists the same items in the same order, so the index still fits it. */
    boolean sameItems(CatalogueSnapshot other) {
        if (other.size() != snapshot.size()) {
            return false;
        }
        for (int row = 0; row < other.size(); row++) {
            if (!other.get(row).item().equals(snapshot.get(row).item())) {
                return false;
            }
        }
        return true;
    }

    /** The same index over a newer snapshot of the same items (like counts change, items do not). */
    ServedOutfits withSnapshot(CatalogueSnapshot newer) {
        return new ServedOutfits(modelId, newer, index, occasions, genders, knownOccasions, rowsBySlot);
    }

    String modelId() {
        return modelId;
    }

    CatalogueSnapshot snapshot() {
        return snapshot;
    }

    CompatibilityIndex index() {
        return index;
    }

    /** The item's occasion, lower case, or null. */
    String occasion(int row) {
        return occasions[row];
    }

    /** The item's gender, or null. */
    Gender gender(int row) {
        return genders[row];
    }

    /** Occasions the catalogue has: lower case → as written. */
    Map<String, String> knownOccasions() {
        return knownOccasions;
    }

    /** Scorable rows of a slot. */
    int[] rows(Slot slot) {
        return rowsBySlot.getOrDefault(slot, new int[0]);
    }

    Slot slot(int row) {
        return snapshot.get(row).item().slot();
    }
}
