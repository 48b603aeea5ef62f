package io.stylegraph.api.recommendations;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.training.job.ServableModel;

/**
 * The active model version: its registry version and the {@link ServableModel} loaded from its artifact (id maps,
 * scoring, fold-in, the run's content weights), plus where its item rows sit in the current catalogue snapshot.
 */
public final class ServedModel {
    private final long version;
    private final ServableModel model;
    private volatile RowsFor rowsFor;

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

    private record RowsFor(CatalogueSnapshot snapshot, int[] rows) {
    }
}
