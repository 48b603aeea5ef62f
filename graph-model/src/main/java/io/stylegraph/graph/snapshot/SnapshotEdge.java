package io.stylegraph.graph.snapshot;

import io.stylegraph.graph.domain.Signal;

/**
 * One like or dislike as training sees it. {@code atEpochMillis} is {@link Long#MIN_VALUE} and {@code position} -1
 * when unknown; {@code split} is the dataset's fixed assignment (train/valid/test) or null.
 */
public record SnapshotEdge(String userId, String itemId, Signal signal, long atEpochMillis, int position, String split) {
    public static final long NO_TIME = Long.MIN_VALUE;
}
