package io.stylegraph.graph.repository;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/** One stored item vector with the fields search filters on. {@code gender} may be null. */
public record ItemVector(String itemId, Slot slot, Gender gender, float[] vector) {
}
