package io.stylegraph.graph.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run reads from the style graph, taken in one read transaction so it is consistent: every
 * item (liked or not, so new items can get embeddings from their features), every user–item like and dislike, and the
 * items' stored feature vectors per modality (absent for items that have none).
 */
public record GraphSnapshot(
        Instant takenAt,
        List<String> itemIds,
        List<SnapshotEdge> edges,
        Map<String, Map<String, float[]>> featuresByModality) {

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
