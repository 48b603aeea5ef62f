package io.stylegraph.graph.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A historical like or dislike from a dataset. {@code at} and {@code position} are optional orderings (some datasets
 * only know the sequence position); {@code split} is the dataset's fixed train/valid/test assignment when it has one;
 * {@code properties} are kept on the edge (e.g. a rental's fit).
 */
public record Interaction(
        String userId,
        String itemId,
        Signal signal,
        Instant at,
        Integer position,
        String split,
        Map<String, Object> properties,
        String source) {

    public Interaction {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(signal, "signal");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
