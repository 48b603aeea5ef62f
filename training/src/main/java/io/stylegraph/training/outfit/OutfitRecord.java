package io.stylegraph.training.outfit;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** One outfit: an id and its items, in the order of the source. */
public record OutfitRecord(String id, List<ItemVectors> items) {

    public OutfitRecord {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    /** The same outfit with every item changed by {@code change} (e.g. a feature removed). */
    public OutfitRecord map(UnaryOperator<ItemVectors> change) {
        return new OutfitRecord(id, items.stream().map(change).toList());
    }
}
