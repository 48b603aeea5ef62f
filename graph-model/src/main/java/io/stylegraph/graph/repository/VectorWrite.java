package io.stylegraph.graph.repository;

import io.stylegraph.graph.domain.Modality;

/**
 * The outcome of embedding one item in one modality. {@code vector} is null when the item has no usable input (no
 * readable image, no words): the model and input are still recorded, so the item is not tried again until either
 * changes.
 */
public record VectorWrite(String itemId, Modality modality, String modelId, String input, float[] vector) {
}
