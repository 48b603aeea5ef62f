package io.stylegraph.api.outfits;

import java.nio.file.Path;
import java.util.ArrayList;
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
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.OutfitCatalogue;
import io.stylegraph.training.outfit.TypeAwareModel;

/**
 * The compatibility model applied to one catalogue snapshot: the {@link OutfitCatalogue} whose rows are the
 * snapshot's item indices, each item embedded once from its slot, category and title vector, with each item's
 * occasion (its {@code usage} or {@code occasion} attribute). Immutable; replaced when the model or the item set
 * changes.
 */
final class ServedOutfits {
    private final String modelId;
    private final CatalogueSnapshot snapshot;
    private final OutfitCatalogue catalogue;
    private final Map<String, String> knownOccasions;

    private ServedOutfits(String modelId, CatalogueSnapshot snapshot, OutfitCatalogue catalogue,
                          Map<String, String> knownOccasions) {
        this.modelId = modelId;
        this.snapshot = snapshot;
        this.catalogue = catalogue;
        this.knownOccasions = knownOccasions;
    }

    /**
     * Embeds the snapshot's items; {@code textVectors} maps an item's words in {@code form} to their vector in the
     * model's text space (an item without one is embedded from its slot and category). With a model that carries
     * the text-category blend, the items' categories are read from and kept in {@code categoryFile}.
     */
    static ServedOutfits build(String modelId, TypeAwareModel model, CatalogueSnapshot snapshot, NameText form,
                               Map<String, float[]> textVectors, Path categoryFile) {
        List<ItemVectors> items = new ArrayList<>(snapshot.size());
        Slot[] slots = new Slot[snapshot.size()];
        Gender[] genders = new Gender[snapshot.size()];
        String[] occasions = new String[snapshot.size()];
        Map<String, String> known = new TreeMap<>();
        for (int row = 0; row < snapshot.size(); row++) {
            Item item = snapshot.get(row).item();
            slots[row] = item.slot();
            genders[row] = item.gender();
            String words = form.of(item);
            items.add(ItemVectors.ofSlot(item.id(), item.slot(), item.category(),
                    words == null ? null : textVectors.get(words)).withWords(item.title()));
            String occasion = occasionOf(item);
            if (occasion != null) {
                occasions[row] = occasion.toLowerCase(Locale.ROOT);
                known.putIfAbsent(occasions[row], occasion);
            }
        }
        CompatibilityIndex index = CompatibilityIndex.build(model, items, categoryFile);
        return new ServedOutfits(modelId, snapshot, OutfitCatalogue.of(index, slots, genders, occasions),
                Map.copyOf(known));
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
        return new ServedOutfits(modelId, newer, catalogue, knownOccasions);
    }

    String modelId() {
        return modelId;
    }

    CatalogueSnapshot snapshot() {
        return snapshot;
    }

    OutfitCatalogue catalogue() {
        return catalogue;
    }

    CompatibilityIndex index() {
        return catalogue.index();
    }

    /** The blend the index adds and how its categories were obtained, or null for the type-aware scores alone. */
    OutfitViews.TextCategoryBlend textCategoryBlend() {
        CompatibilityIndex index = catalogue.index();
        return index.categoryAssignment().map(assigned -> new OutfitViews.TextCategoryBlend(
                index.model().textCategoryBlend().orElseThrow().weight(), assigned.restored(), assigned.computed(),
                assigned.millis())).orElse(null);
    }

    /** The word overlap the index adds, or null for none. */
    OutfitViews.WordOverlap wordOverlap() {
        return catalogue.index().wordBlend().map(w -> new OutfitViews.WordOverlap(w.weight(), w.itemsWithWords(),
                w.words())).orElse(null);
    }

    /** What the index scores with, for the log: the blends and how its categories were obtained, or the model alone. */
    String scoresServed() {
        OutfitViews.TextCategoryBlend blend = textCategoryBlend();
        OutfitViews.WordOverlap words = wordOverlap();
        String served = blend == null ? "type-aware scores" : "text-category blend at weight " + blend.weight()
                + ", categories of " + blend.restored() + " items read back and " + blend.computed()
                + " computed in " + blend.millis() + " ms";
        if (words != null) {
            served += "; title word overlap at weight " + words.weight() + " over " + words.itemsWithWords()
                    + " titles (" + words.words() + " words)";
        } else if (blend == null) {
            served += " alone";
        }
        return served;
    }

    /** Occasions the catalogue has: lower case → as written. */
    Map<String, String> knownOccasions() {
        return knownOccasions;
    }

    Slot slot(int row) {
        return catalogue.slot(row);
    }
}
