package io.stylegraph.training.job;

import java.util.Map;

/**
 * Item {@code itemId} has {@code otherId} among its nearest items in at least one modality: {@code score} is the
 * modality-weighted cosine, {@code cosines} the cosine per modality where the pair is among the nearest.
 */
public record SimilarItems(String itemId, String otherId, double score, Map<String, Double> cosines) {
}
