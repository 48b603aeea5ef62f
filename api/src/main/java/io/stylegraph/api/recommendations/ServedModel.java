package io.stylegraph.api.recommendations;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
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
        RowsFor cached = rowsFor;
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.rows();
        }
        int[] rows = new int[model.numItems()];
        for (int row = 0; row < rows.length; row++) {
            Integer index = snapshot.indexOf(model.itemId(row));
            rows[row] = index == null ? -1 : index;
        }
        rowsFor = new RowsFor(snapshot, rows);
        return rows;
    }

    /** The model rows of the k best-scored catalogue items that pass the filters, best first. */
    int[] topRows(ServedScores scores, int k, Predicate<RatedItem> wanted, CatalogueSnapshot snapshot) {
        int[] catalogueRows = catalogueRows(snapshot);
        return scores.top(k, row -> {
            int index = catalogueRows[row];
            return index >= 0 && wanted.test(snapshot.get(index));
        });
    }

    private record RowsFor(CatalogueSnapshot snapshot, int[] rows) {
    }
}
