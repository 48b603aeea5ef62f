package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * A catalogue as outfit building sees it: the compatibility index over its items (index rows are catalogue rows) and
 * each row's slot, gender and occasion, with the scorable rows of every outfit slot in row order. Immutable.
 */
public final class OutfitCatalogue {
    /** The slots an outfit is made of. */
    public static final List<Slot> OUTFIT_SLOTS = List.of(Slot.TOP, Slot.BOTTOM, Slot.DRESS, Slot.OUTERWEAR,
            Slot.SHOES, Slot.BAG, Slot.ACCESSORY);

    private final CompatibilityIndex index;
    private final Slot[] slots;
    private final Gender[] genders;
    private final String[] occasions;
    private final Map<Slot, int[]> rowsBySlot;

    private OutfitCatalogue(CompatibilityIndex index, Slot[] slots, Gender[] genders, String[] occasions,
                            Map<Slot, int[]> rowsBySlot) {
        this.index = index;
        this.slots = slots;
        this.genders = genders;
        this.occasions = occasions;
        this.rowsBySlot = rowsBySlot;
    }

    /**
     * The catalogue of the index's rows; {@code slots}, {@code genders} (null: not stated) and {@code occasions}
     * (lower case, null: none) are indexed by row.
     */
    public static OutfitCatalogue of(CompatibilityIndex index, Slot[] slots, Gender[] genders, String[] occasions) {
        if (slots.length != index.size() || genders.length != index.size() || occasions.length != index.size()) {
            throw new IllegalArgumentException("slots, genders and occasions need one entry per index row ("
                    + index.size() + ")");
        }
        Map<Slot, List<Integer>> rows = new EnumMap<>(Slot.class);
        OUTFIT_SLOTS.forEach(slot -> rows.put(slot, new ArrayList<>()));
        for (int row = 0; row < slots.length; row++) {
            List<Integer> ofSlot = rows.get(slots[row]);
            if (ofSlot != null && index.scorable(row)) {
                ofSlot.add(row);
            }
        }
        Map<Slot, int[]> bySlot = new EnumMap<>(Slot.class);
        rows.forEach((slot, ofSlot) -> bySlot.put(slot, ofSlot.stream().mapToInt(Integer::intValue).toArray()));
        return new OutfitCatalogue(index, slots.clone(), genders.clone(), occasions.clone(), bySlot);
    }

    public CompatibilityIndex index() {
        return index;
    }

    public int size() {
        return slots.length;
    }

    public Slot slot(int row) {
        return slots[row];
    }

    /** The item's gender, or null. */
    public Gender gender(int row) {
        return genders[row];
    }

    /** The item's occasion, lower case, or null. */
    public String occasion(int row) {
        return occasions[row];
    }

    /** Scorable rows of an outfit slot, in row order (none for another slot). */
    public int[] rows(Slot slot) {
        return rowsBySlot.getOrDefault(slot, new int[0]);
    }

    /** True for a scorable item of an outfit slot. */
    public boolean outfitItem(int row) {
        return index.scorable(row) && OUTFIT_SLOTS.contains(slots[row]);
    }
}
