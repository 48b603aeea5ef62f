package io.stylegraph.training.retrieval;

import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Item;

/**
 * A catalogue with its vectors: {@code vectors} maps modality name to item id to vector (items without a usable
 * image or words are missing from that modality).
 */
public record EmbeddedCatalogue(List<Item> items, Map<String, Map<String, float[]>> vectors) {
}
