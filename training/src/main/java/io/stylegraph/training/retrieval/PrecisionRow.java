package io.stylegraph.training.retrieval;

/**
 * Precision@k of one way of finding similar items: the share of results that share the query's article type, its
 * base colour, or both; {@code modality} {@code random} is the expectation of a uniformly random pick.
 */
public record PrecisionRow(String modality, boolean aqe, boolean dba, int queries, double articleType,
                           double baseColour, double both, double secondsPerQuery) {
}
