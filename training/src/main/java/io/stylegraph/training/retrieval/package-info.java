/**
 * Embedding a catalogue and the retrieval benchmark: measuring the service's search over an embedded catalogue.
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
 * <p>{@link io.stylegraph.training.retrieval.ItemEmbedder} computes items' vectors with the active encoders and
 * decides which are stale, for the service's embedding job and the benchmarks alike.
 * {@link io.stylegraph.training.retrieval.RetrievalEvaluation} measures the search the service runs
 * ({@code training.search}) over an embedded catalogue; {@link io.stylegraph.training.retrieval.RetrievalBenchmark}
 * runs it on fashion-products and answers the report, which
 * {@link io.stylegraph.training.retrieval.RetrievalReportWriter} writes; {@code evaluate-retrieval} only parses
 * options and calls them. {@code bench-text-encoder} likewise hands
 * {@link io.stylegraph.training.retrieval.RetrievalPrecision} to {@code TextEncoderBenchmark} and writes with
 * {@link io.stylegraph.training.retrieval.TextEncoderReportWriter}.
 */
package io.stylegraph.training.retrieval;
