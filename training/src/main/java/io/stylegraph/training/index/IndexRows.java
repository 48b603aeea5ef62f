package io.stylegraph.training.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;

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
    /** What each row's vector was computed from ({@link ItemVector#input}); null where unknown or unverified. */
    final String[] inputs;
    final int count;
    final Map<String, Integer> rowOf;

    IndexRows(int dimension, float[] data, String[] ids, byte[] slots, byte[] genders, String[] inputs, int count,
              Map<String, Integer> rowOf) {
        this.dimension = dimension;
        this.data = data;
        this.ids = ids;
        this.slots = slots;
        this.genders = genders;
        this.inputs = inputs;
        this.count = count;
        this.rowOf = rowOf;
    }

    int capacity() {
        return ids.length;
    }

    /**
     * The rows after writing the vectors (one per item): items held get their vector, slot and gender replaced, the
     * others are appended and recorded in {@code rowOf}. This view stays as it is for its readers: when the vectors
     * replace rows, or the appended ones do not fit, the arrays are copied first (growing by half, to at least
     * {@code minCapacity}).
     */
    IndexRows upserted(Collection<ItemVector> vectors, int minCapacity) {
        List<ItemVector> appended = new ArrayList<>();
        boolean replaces = false;
        for (ItemVector vector : vectors) {
            if (row(vector.itemId()) >= 0) {
                replaces = true;
            } else {
                appended.add(vector);
            }
        }
        int total = count + appended.size();
        IndexRows next = this;
        if (replaces || total > capacity()) {
            int grown = capacity();
            if (total > grown) {
                grown = Math.max(total, Math.max(minCapacity, grown + (grown >> 1)));
            }
            next = new IndexRows(dimension, Arrays.copyOf(data, grown * dimension), Arrays.copyOf(ids, grown),
                    Arrays.copyOf(slots, grown), Arrays.copyOf(genders, grown), Arrays.copyOf(inputs, grown), count,
                    rowOf);
        }
        for (ItemVector vector : vectors) {
            int row = row(vector.itemId());
            if (row >= 0) {
                next.write(row, vector);
            }
        }
        int row = count;
        for (ItemVector vector : appended) {
            next.write(row, vector);
            rowOf.put(vector.itemId(), row);
            row++;
        }
        return new IndexRows(dimension, next.data, next.ids, next.slots, next.genders, next.inputs, total, rowOf);
    }

    private void write(int row, ItemVector vector) {
        System.arraycopy(vector.vector(), 0, data, row * dimension, dimension);
        ids[row] = vector.itemId();
        slots[row] = (byte) vector.slot().ordinal();
        genders[row] = genderCode(vector.gender());
        inputs[row] = vector.input();
    }

    /** Up to {@code max} item ids spread evenly over the rows (every ⌈n/max⌉-th), the same ones for the same rows. */
    List<String> sampleIds(int max) {
        if (count == 0 || max < 1) {
            return List.of();
        }
        int step = Math.max(1, (count + max - 1) / max);
        List<String> sample = new ArrayList<>(Math.min(count, max));
        for (int row = 0; row < count; row += step) {
            sample.add(ids[row]);
        }
        return sample;
    }

    /** The items of found rows, with their scores. */
    List<ScoredItem> items(ScoredRows found) {
        List<ScoredItem> items = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            items.add(new ScoredItem(ids[found.rows()[i]], found.scores()[i]));
        }
        return items;
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
