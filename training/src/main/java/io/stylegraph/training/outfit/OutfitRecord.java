package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.OutfitMember;

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

    /**
     * A stored outfit (e.g. one shoppers liked) as a training outfit: the members {@code catalogue} has, typed by the
     * slot they fill, with the vector of their title from {@code titleVectors} where there is one; empty when fewer
     * than two members are left, as such an outfit teaches no pair.
     */
    public static Optional<OutfitRecord> ofMembers(String id, List<OutfitMember> members,
                                                   Function<String, Optional<Item>> catalogue,
                                                   Map<String, float[]> titleVectors) {
        return ofMembers(id, members, catalogue, NameText.NAME, titleVectors);
    }

    /** As above, each item's text vector looked up by its words in {@code form}. */
    public static Optional<OutfitRecord> ofMembers(String id, List<OutfitMember> members,
                                                   Function<String, Optional<Item>> catalogue, NameText form,
                                                   Map<String, float[]> textVectors) {
        List<ItemVectors> items = new ArrayList<>();
        for (OutfitMember member : members) {
            catalogue.apply(member.itemId()).ifPresent(item -> {
                String words = form.of(item);
                items.add(ItemVectors.ofSlot(member.itemId(), member.slot(), item.category(),
                        words == null ? null : textVectors.get(words)));
            });
        }
        return items.size() >= 2 ? Optional.of(new OutfitRecord(id, items)) : Optional.empty();
    }
}
