package io.stylegraph.graph.repository;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/**
 * One stored item vector with the fields search filters on. {@code gender} may be null. {@code input} is what the
 * vector was computed from as the graph records it ({@code visualInput}/{@code textInput}: an image path, a text
 * digest, or the marker of an imported vector), {@code ""} when the graph records none, and null when unknown.
 */
public record ItemVector(String itemId, Slot slot, Gender gender, float[] vector, String input) {

    /** A vector whose input is not known. */
    public ItemVector(String itemId, Slot slot, Gender gender, float[] vector) {
        this(itemId, slot, gender, vector, null);
    }
}
