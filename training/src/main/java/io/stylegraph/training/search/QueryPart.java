package io.stylegraph.training.search;

import io.stylegraph.training.index.VectorIndex;

/** One term of a query: a unit vector searched in one index, its similarities weighted by {@code weight}. */
public record QueryPart(VectorIndex index, float[] vector, double weight) {
}
