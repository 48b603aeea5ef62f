/**
 * The in-memory vector index over item vectors, a plain library with no web framework: the service keeps one per
 * modality and model, the retrieval benchmark builds its own.
 *
 * <p>{@link io.stylegraph.training.index.VectorIndex} holds the vectors in one contiguous matrix
 * ({@link io.stylegraph.training.index.IndexRows}) and answers by exact scan
 * ({@link io.stylegraph.training.index.ExactScan}) until it outgrows
 * {@link io.stylegraph.training.index.HnswSettings#threshold()}; then an HNSW graph
 * ({@link io.stylegraph.training.index.HnswGraph}) is built in the background, saved
 * ({@link io.stylegraph.training.index.HnswFile}) and loaded at the next start when it still fits the vectors.
 * Filters ({@link io.stylegraph.training.index.SearchFilter}) apply while scanning, before the top K are chosen.
 * {@link io.stylegraph.training.index.DatabaseAugmentation} averages an item's vector with its nearest neighbours.
 *
 * <p>{@link io.stylegraph.training.index.TopK} is the project's one top-k selection, used by the scans and by the
 * ranking evaluation ({@code training.eval.Evaluator}).
 */
package io.stylegraph.training.index;
