package io.stylegraph.api.recommendations;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.training.job.AnnScoring;
import io.stylegraph.training.job.ExactScores;
import io.stylegraph.training.job.ServableModel;
import io.stylegraph.training.job.ServedScores;

/**
 * The active model version: its registry version and the {@link ServableModel} loaded from its artifact (id maps,
 * scoring, fold-in, the run's content weights), plus where its item rows sit in the current catalogue snapshot and,
 * for a catalogue above {@code stylegraph.recommendations.ann-threshold}, its item embedding graph once built
 * ({@link AnnScoring}): until then, and below the threshold, every request scans all items.
 */
public final class ServedModel {
    private final long version;
    private final ServableModel model;
    private volatile RowsFor rowsFor;
    private volatile AnnScoring ann;

    public ServedModel(long version, ServableModel model) {
        this.version = version;
        this.model = model;
    }

    public long version() {
        return version;
    }

    public ServableModel model() {
        return model;
    }

    /** Serves this model's recommendations from {@code ann} (built over this model's items) from now on. */
    void useAnn(AnnScoring ann) {
        if (ann.model() != model) {
            throw new IllegalArgumentException("the graph was built for another model");
        }
        this.ann = ann;
    }

    /** The item embedding graph recommendations use, once built; empty while the exact scan answers. */
    public Optional<AnnScoring> ann() {
        return Optional.ofNullable(ann);
    }

    /**
     * The user's scores as served: from the item graph's candidates once it is built, else by scanning every item.
     */
    public ServedScores scores(float[] user, Collection<String> liked, boolean knownUser) {
        AnnScoring graph = ann;
        return graph != null ? graph.scores(user, liked, knownUser) : ExactScores.of(model, user, liked, knownUser);
    }

    /**
     * For each item row, the item's index in the catalogue snapshot, or -1 when the catalogue no longer has it. Worked
     * out once per snapshot, so ranking looks items up by index instead of hashing ids on every request.
     */
    public int[] catalogueRows(CatalogueSnapshot snapshot) {
        return rowsFor(snapshot).rows();
    }

    private RowsFor rowsFor(CatalogueSnapshot snapshot) {
        RowsFor cached = rowsFor;
        if (cached != null && cached.snapshot() == snapshot) {
            return cached;
        }
        int[] rows = new int[model.numItems()];
        for (int row = 0; row < rows.length; row++) {
            Integer index = snapshot.indexOf(model.itemId(row));
            rows[row] = index == null ? -1 : index;
        }
        RowsFor built = new RowsFor(snapshot, rows, postingLists(snapshot, rows));
        rowsFor = built;
        return built;
    }

    /**
     * The posting lists of the model rows in the catalogue: by slot, and by gender (each gender's items with the
     * unisex ones, as the endpoint's gender filter accepts them).
     */
    private static PostingLists postingLists(CatalogueSnapshot snapshot, int[] catalogueRows) {
        Map<Slot, IntList> bySlot = new EnumMap<>(Slot.class);
        Map<Gender, IntList> byGender = new EnumMap<>(Gender.class);
        for (int row = 0; row < catalogueRows.length; row++) {
            if (catalogueRows[row] < 0) {
                continue;
            }
            Item item = snapshot.get(catalogueRows[row]).item();
            if (item.slot() != null) {
                bySlot.computeIfAbsent(item.slot(), slot -> new IntList()).add(row);
            }
            Gender gender = item.gender();
            if (gender == Gender.UNISEX) {
                for (Gender any : Gender.values()) {
                    byGender.computeIfAbsent(any, g -> new IntList()).add(row);
                }
            } else if (gender != null) {
                byGender.computeIfAbsent(gender, g -> new IntList()).add(row);
            }
        }
        Map<Slot, int[]> slots = new EnumMap<>(Slot.class);
        bySlot.forEach((slot, list) -> slots.put(slot, list.toArray()));
        Map<Gender, int[]> genders = new EnumMap<>(Gender.class);
        byGender.forEach((gender, list) -> genders.put(gender, list.toArray()));
        return new PostingLists(slots, genders);
    }

    /**
     * The model rows, ascending, of the catalogue items in {@code slot} for {@code gender} (its own and the unisex
     * items): every row the endpoint's slot and gender filters can accept. Null when neither filter is set.
     */
    public int[] postingList(CatalogueSnapshot snapshot, Slot slot, Gender gender) {
        if (slot == null && gender == null) {
            return null;
        }
        PostingLists lists = rowsFor(snapshot).lists();
        int[] inSlot = slot == null ? null : lists.bySlot().getOrDefault(slot, new int[0]);
        int[] ofGender = gender == null ? null : lists.byGender().getOrDefault(gender, new int[0]);
        if (inSlot == null || ofGender == null) {
            return inSlot != null ? inSlot : ofGender;
        }
        int[] both = new int[Math.min(inSlot.length, ofGender.length)];
        int count = 0;
        for (int a = 0, b = 0; a < inSlot.length && b < ofGender.length; ) {
            if (inSlot[a] == ofGender[b]) {
                both[count++] = inSlot[a];
                a++;
                b++;
            } else if (inSlot[a] < ofGender[b]) {
                a++;
            } else {
                b++;
            }
        }
        return Arrays.copyOf(both, count);
    }

    /**
     * The model rows of the k best-scored catalogue items that pass the filters, best first, where {@code wanted}
     * accepts only items of {@code slot} and {@code gender} (either null for any): their posting list goes with the
     * request, so a selective one is scored whole instead of searched in the item graph ({@link ServedScores#top(int,
     * java.util.function.IntPredicate, int[])}).
     */
    int[] topRows(ServedScores scores, int k, Predicate<RatedItem> wanted, CatalogueSnapshot snapshot, Slot slot,
                  Gender gender) {
        int[] catalogueRows = catalogueRows(snapshot);
        return scores.top(k, row -> {
            int index = catalogueRows[row];
            return index >= 0 && wanted.test(snapshot.get(index));
        }, postingList(snapshot, slot, gender));
    }

    private record RowsFor(CatalogueSnapshot snapshot, int[] rows, PostingLists lists) {
    }

    private record PostingLists(Map<Slot, int[]> bySlot, Map<Gender, int[]> byGender) {
    }

    /** A growing list of ints, appended in ascending order here. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
