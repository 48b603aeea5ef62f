package io.stylegraph.training.search;

import java.util.Optional;

import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;

/** Finds the serving index of a modality. */
@FunctionalInterface
public interface IndexLookup {
    Optional<VectorIndex> index(Modality modality);
}
