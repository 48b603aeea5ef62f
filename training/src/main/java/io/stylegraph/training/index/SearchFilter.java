package io.stylegraph.training.index;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * Which items a search may return: only this slot and/or gender when given, never {@code excludedItemId} (the item a
 * "similar" query starts from). Applied while scanning, before the top K are chosen.
 */
public record SearchFilter(Slot slot, Gender gender, String excludedItemId) {
    public static final SearchFilter NONE = new SearchFilter(null, null, null);

    public boolean isNone() {
        return slot == null && gender == null && excludedItemId == null;
    }

    /** True when the filter removes more than the excluded item, so approximate search must over-fetch. */
    boolean restricts() {
        return slot != null || gender != null;
    }

    public SearchFilter excluding(String itemId) {
        return new SearchFilter(slot, gender, itemId);
    }
}
