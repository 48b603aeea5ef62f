package io.stylegraph.graph.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run reads from the style graph, taken in one read transaction so it is consistent: every
 * item (liked or not, so new items can get embeddings from their features), every user–item like and dislike, and the
 * items' stored feature vectors per modality (absent for items that have none), and the items' content terms
 * ({@link GraphSnapshotReader#terms}: {@code category:<name>}, {@code brand:<name>}, ...; absent for items with none).
 */
public record GraphSnapshot(
        Instant takenAt,
        List<String> itemIds,
        List<SnapshotEdge> edges,
        Map<String, Map<String, float[]>> featuresByModality,
        Map<String, List<String>> itemTerms) {

    public GraphSnapshot {
        itemTerms = itemTerms == null ? Map.of() : itemTerms;
    }

    /** A snapshot without content terms. */
    public GraphSnapshot(Instant takenAt, List<String> itemIds, List<SnapshotEdge> edges,
                         Map<String, Map<String, float[]>> featuresByModality) {
        this(takenAt, itemIds, edges, featuresByModality, Map.of());
    }

    public long likes() {
        return edges.stream().filter(e -> e.signal() == io.stylegraph.graph.domain.Signal.LIKE).count();
    }

    public long dislikes() {
        return edges.size() - likes();
    }

    public long users() {
        return edges.stream().map(SnapshotEdge::userId).distinct().count();
    }
}
