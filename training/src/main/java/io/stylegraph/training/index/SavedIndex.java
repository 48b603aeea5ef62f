package io.stylegraph.training.index;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.imports.PrecomputedVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole index read back from its graph file: the rows saved with the graph (ids, slots, genders, inputs) joined to
 * the vectors the graph holds, checked against the file's checksum. Inputs of imported vectors
 * ({@link PrecomputedVectors#INPUT}) come back unknown: that marker does not tell one imported vector from another,
 * so the caller reads those rows again.
 */
record SavedIndex(IndexRows rows, HnswGraph graph) {
    private static final Logger LOG = LoggerFactory.getLogger(SavedIndex.class);

    /**
     * @param rowOf the index's (empty) map of rows, filled only when the file is restored
     * @return empty when the file is missing, damaged, saved without rows (format 1), or for another model or graph
     *         settings
     */
    static Optional<SavedIndex> read(Path file, HnswFile.Header expected, HnswSettings settings,
                                     Map<String, Integer> rowOf) {
        Optional<HnswFile.Saved> saved = HnswFile.read(file, expected, settings);
        if (saved.isEmpty() || saved.get().rows() == null) {
            return Optional.empty();
        }
        HnswFile.SavedRows stored = saved.get().rows();
        HnswGraph graph = saved.get().graph();
        int dimension = expected.dimension();
        int count = stored.ids().length;
        float[] data = new float[Math.max(count, 1) * dimension];
        Map<String, Integer> restoredRows = new HashMap<>(count * 2);
        String[] inputs = stored.inputs().clone();
        for (int row = 0; row < count; row++) {
            float[] vector = graph.vector(stored.ids()[row]);
            if (vector == null || vector.length != dimension || restoredRows.put(stored.ids()[row], row) != null) {
                LOG.warn("Saved index {}: its rows do not match its graph; the vectors are read from the graph "
                        + "database", file);
                return Optional.empty();
            }
            System.arraycopy(vector, 0, data, row * dimension, dimension);
            if (PrecomputedVectors.INPUT.equals(inputs[row])) {
                inputs[row] = null;
            }
        }
        IndexRows rows = new IndexRows(dimension, data, stored.ids(), stored.slots(), stored.genders(), inputs, count,
                rowOf);
        if (HnswFile.checksum(rows) != saved.get().header().checksum()) {
            LOG.warn("Saved index {} fails its checksum; the vectors are read from the graph database", file);
            return Optional.empty();
        }
        rowOf.putAll(restoredRows);
        return Optional.of(new SavedIndex(rows, graph));
    }
}
