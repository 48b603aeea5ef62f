package io.stylegraph.api.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;

/**
 * An immutable copy of the catalogue for serving: items by id, by slot, and ranked by popularity. Replaced whole when
 * the catalogue changes, so readers never see a half-updated view.
 */
public final class CatalogueSnapshot {
    private final List<RatedItem> items;
    private final Map<String, Integer> indexById;
    private final Map<Slot, List<Integer>> indicesBySlot;
    private final int[] byPopularity;
    private final boolean loaded;

    private CatalogueSnapshot(List<RatedItem> items, boolean loaded) {
        this.items = List.copyOf(items);
        this.loaded = loaded;
        this.indexById = new HashMap<>(items.size() * 2);
        this.indicesBySlot = new EnumMap<>(Slot.class);
        for (int i = 0; i < this.items.size(); i++) {
            RatedItem item = this.items.get(i);
            indexById.put(item.item().id(), i);
            indicesBySlot.computeIfAbsent(item.item().slot(), s -> new ArrayList<>()).add(i);
        }
        List<Integer> ranked = new ArrayList<>(this.items.size());
        for (int i = 0; i < this.items.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(Comparator.<Integer>comparingLong(i -> -this.items.get(i).likes())
                .thenComparingLong(i -> this.items.get(i).dislikes())
                .thenComparing(i -> this.items.get(i).item().id()));
        this.byPopularity = ranked.stream().mapToInt(Integer::intValue).toArray();
    }

    public static CatalogueSnapshot empty() {
        return new CatalogueSnapshot(List.of(), false);
    }

    public static CatalogueSnapshot of(List<RatedItem> items) {
        return new CatalogueSnapshot(items, true);
    }

    /** False until the catalogue has been read from the graph at least once. */
    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return items.size();
    }

    public RatedItem get(int index) {
        return items.get(index);
    }

    public Optional<RatedItem> find(String id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(items.get(index));
    }

    /** The item's index in {@link #items()}, or null when the catalogue has no such item. */
    public Integer indexOf(String id) {
        return indexById.get(id);
    }

    public List<RatedItem> items() {
        return items;
    }

    public List<Integer> indicesInSlot(Slot slot) {
        return Collections.unmodifiableList(indicesBySlot.getOrDefault(slot, List.of()));
    }

    /** Item indices, most liked first (ties: fewer dislikes, then id). */
    public int[] byPopularity() {
        return byPopularity.clone();
    }
}
