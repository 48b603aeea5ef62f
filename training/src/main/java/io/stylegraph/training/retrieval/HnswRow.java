package io.stylegraph.training.retrieval;

/**
 * One modality's HNSW graph against the exact scan: its settings, build time, recall@k of the graph's answers
 * (unfiltered and with the query's slot and gender) and the latency of both.
 */
public record HnswRow(String modality, int items, int m, int efConstruction, int ef, double buildSeconds,
                      double recallAt10, double filteredRecallAt10, LatencyRow exact, LatencyRow approximate) {
}
