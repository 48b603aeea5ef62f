package io.stylegraph.training.index;

import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * An immutable view of an index: the first {@code count} rows of a row-major float matrix, with each row's item id,
 * slot and gender. Appending writes rows past {@code count} into the same arrays and publishes a new view with a
 * larger count, so readers of an older view never see a row change under them; replacing a row copies the arrays.
 * {@code rowOf} is shared by all views of one index and may name rows a view does not have yet.
 */
final class IndexRows {
    /** Stored gender code of an item without one. */
    static final byte NO_GENDER = -1;
    /** Filter code meaning "any slot" or "any gender". */
    static final byte ANY = -2;

    final int dimension;
    final float[] data;
    final String[] ids;
    final byte[] slots;
    final byte[] genders;
    final int count;
    final Map<String, Integer> rowOf;

    IndexRows(int dimension, float[] data, String[] ids, byte[] slots, byte[] genders, int count,
              Map<String, Integer> rowOf) {
        this.dimension = dimension;
        this.data = data;
        this.ids = ids;
        this.slots = slots;
        this.genders = genders;
        this.count = count;
        this.rowOf = rowOf;
    }

    int capacity() {
        return ids.length;
    }

    /** The item's row in this view, or -1. */
    int row(String itemId) {
        if (itemId == null) {
            return -1;
        }
        Integer row = rowOf.get(itemId);
        return row == null || row >= count ? -1 : row;
    }

    float[] vector(int row) {
        float[] out = new float[dimension];
        System.arraycopy(data, row * dimension, out, 0, dimension);
        return out;
    }

    float dot(int row, float[] query) {
        return ExactScan.dot(data, row * dimension, query, dimension);
    }

    boolean accepts(int row, byte slot, byte gender, int excludedRow) {
        return row != excludedRow && (slot == ANY || slots[row] == slot) && (gender == ANY || genders[row] == gender);
    }

    static byte slotCode(Slot slot) {
        return slot == null ? ANY : (byte) slot.ordinal();
    }

    /** Filter code of a wanted gender: {@link #ANY} when none is wanted. */
    static byte genderFilterCode(Gender gender) {
        return gender == null ? ANY : (byte) gender.ordinal();
    }

    /** Stored code of an item's gender: {@link #NO_GENDER} when it has none, so no gender filter matches it. */
    static byte genderCode(Gender gender) {
        return gender == null ? NO_GENDER : (byte) gender.ordinal();
    }
}
