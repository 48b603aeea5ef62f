package io.stylegraph.training.index;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The HNSW graph for a snapshot of an index's rows: the one saved in the graph file when its header fits (model,
 * dimension, M, efConstruction), brought up to date by inserting the items added or changed since and removing those
 * gone; else one built from the rows.
 */
final class GraphPreparation {

    /**
     * @param source  {@code loaded} or {@code built}
     * @param asSaved whether the file held exactly the snapshot's ids and vectors
     * @param changed items inserted or removed to bring a loaded graph up to date
     */
    record Prepared(HnswGraph graph, String source, boolean asSaved, int changed) {
    }

    private GraphPreparation() {
    }

    /** @param graphFile null when graphs are never saved: always built */
    static Prepared prepare(IndexRows snapshot, HnswFile.Header expected, Path graphFile, HnswSettings settings) {
        Optional<HnswFile.Saved> saved = graphFile == null ? Optional.empty()
                : HnswFile.read(graphFile, expected, settings);
        if (saved.isPresent()) {
            HnswGraph loaded = saved.get().graph();
            boolean asSaved = saved.get().header().count() == expected.count()
                    && saved.get().header().checksum() == expected.checksum();
            return new Prepared(loaded, "loaded", asSaved, asSaved ? 0 : catchUp(loaded, snapshot));
        }
        HnswGraph built = new HnswGraph(snapshot.dimension, snapshot.count * 2, settings);
        for (int row = 0; row < snapshot.count; row++) {
            built.add(snapshot.ids[row], snapshot.vector(row));
        }
        return new Prepared(built, "built", false, 0);
    }

    /** Makes a loaded graph hold exactly the snapshot's ids and vectors; returns how many items it changed. */
    static int catchUp(HnswGraph loaded, IndexRows snapshot) {
        loaded.ensureCapacity(snapshot.count);
        int changed = 0;
        Set<String> held = new HashSet<>(snapshot.count * 2);
        for (int row = 0; row < snapshot.count; row++) {
            held.add(snapshot.ids[row]);
            if (loaded.addIfChanged(snapshot.ids[row], snapshot.vector(row))) {
                changed++;
            }
        }
        for (String id : loaded.ids()) {
            if (!held.contains(id) && loaded.remove(id)) {
                changed++;
            }
        }
        return changed;
    }
}
