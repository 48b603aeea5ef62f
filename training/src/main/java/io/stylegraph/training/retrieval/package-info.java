/**
 * The library side of the retrieval benchmark: embedding a catalogue outside the service and measuring search over it.
 *
 * <p>{@link io.stylegraph.training.retrieval.ItemTexts} joins an item's words for the text encoder, as the service's
 * embedding job does; {@link io.stylegraph.training.retrieval.CatalogueEmbedder} embeds a catalogue in batches with
 * given encoders and picture reader, timing each step ({@link io.stylegraph.training.retrieval.Throughput}), into an
 * {@link io.stylegraph.training.retrieval.EmbeddedCatalogue}; {@link io.stylegraph.training.retrieval.VectorFiles}
 * keeps its vectors between runs. {@link io.stylegraph.training.retrieval.HnswComparison} builds the catalogue's
 * vector indexes and compares an HNSW graph with the exact scan; {@link io.stylegraph.training.retrieval.LatencyRow}
 * times queries. {@link io.stylegraph.training.retrieval.RetrievalReport} is the benchmark's report record with its
 * rows and provenance. {@link io.stylegraph.training.retrieval.TextEncoderBenchmark} times the MiniLM encoder one
 * text per call against the batched one on the catalogue's texts.
 *
 * <p>The measurement of the service's own search (similar items with AQE and DBA, the content path, text and image
 * search) needs the service's search classes and stays in {@code api.search.evaluation} ({@code RetrievalEvaluation},
 * {@code RetrievalBenchmark}); {@code evaluate-retrieval} parses options, calls it and writes the report, and
 * {@code bench-text-encoder} hands that evaluation to {@code TextEncoderBenchmark} for its precision comparison.
 */
package io.stylegraph.training.retrieval;
