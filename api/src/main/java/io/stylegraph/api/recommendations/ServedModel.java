package io.stylegraph.api.recommendations;

import java.util.PriorityQueue;
import java.util.function.Predicate;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.repository.RatedItem;
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

    /**
     * The model rows of the k best-scored catalogue items that pass the filters, best first.
     *
     * @param scores every item row's score ({@link ServableModel#scoreAll})
     */
    int[] topRows(float[] scores, int k, Predicate<RatedItem> wanted, CatalogueSnapshot snapshot) {
        record Scored(int row, float score) {
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score(), b.score()));
        int[] catalogueRows = catalogueRows(snapshot);
        float threshold = Float.NEGATIVE_INFINITY;
        for (int row = 0; row < catalogueRows.length; row++) {
            float score = scores[row];
            if (score <= threshold) {
                continue;
            }
            int index = catalogueRows[row];
            if (index < 0 || !wanted.test(snapshot.get(index))) {
                continue;
            }
            best.add(new Scored(row, score));
            if (best.size() > k) {
                best.poll();
            }
            if (best.size() == k) {
                threshold = best.peek().score();
            }
        }
        int[] rows = new int[best.size()];
        for (int at = rows.length - 1; at >= 0; at--) {
            rows[at] = best.poll().row();
        }
        return rows;
    }

    private record RowsFor(CatalogueSnapshot snapshot, int[] rows) {
    }
}
