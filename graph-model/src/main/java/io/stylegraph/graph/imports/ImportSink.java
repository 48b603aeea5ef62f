package io.stylegraph.graph.imports;

import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.User;

/**
 * Receives what a {@link CatalogueSource} reads. Sources emit items before the outfits and interactions that refer
 * to them; a sink may rely on that order. Rows that cannot be read are reported through {@link #rejected}, never
 * thrown.
 */
public interface ImportSink {
    void item(Item item);

    void outfit(Outfit outfit);

    void user(User user);

    /** An item's precomputed vectors (the generic format's {@code vectors} file); sinks that do not store them ignore them. */
    default void vectors(PrecomputedVectors vectors) {
    }

    void interaction(Interaction interaction);

    void rejected(RowError error);

    /** Bytes of input consumed so far out of the total, for progress and ETA; sources call it as they read. */
    default void progress(long bytesRead, long bytesTotal) {
    }
}
