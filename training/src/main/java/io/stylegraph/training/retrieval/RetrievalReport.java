package io.stylegraph.training.retrieval;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the retrieval benchmark ({@code api.search.evaluation.RetrievalBenchmark}) measured, as
 * {@code evaluate-retrieval} writes it to {@code retrieval-fashion-products.json}.
 *
 * @param path          the catalogue folder
 * @param command       the command line that ran it
 * @param date          when the measurements ended
 * @param queries       query items for precision and latency
 * @param k             results per query
 * @param environment   machine and git revision, read when the run started
 * @param loadAverage   the machine's one-minute load average at the start, before the latency runs and at the end
 */
public record RetrievalReport(String benchmark, String dataset, String path, String command, String date, int items,
                              int itemsWithVisual, int itemsWithText, int queries, int k, long seed,
                              Encoders encoders, Settings settings, List<PrecisionRow> precisionAt10,
                              List<LatencyRow> latency, List<HnswRow> hnsw,
                              Map<String, Object> environment, Map<String, Double> loadAverage) {

    /** The encoders and their throughput; rates per second to one decimal. */
    public record Encoders(ImageEncoder image, TextEncoder text, boolean sharedSpace) {
    }

    /**
     * @param sampleImages                 images embedded afresh to time the encoder
     * @param imagesPerSecond              decoding and encoding together
     * @param fullCatalogueImagesPerSecond embedding the whole evaluated catalogue; null when its vectors came from
     *                                     the cache
     */
    public record ImageEncoder(String model, int dimension, int sampleImages, double imagesPerSecond,
                               double encodeOnlyImagesPerSecond,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double fullCatalogueImagesPerSecond) {
    }

    /** @param fullCatalogueTextsPerSecond null when the catalogue's vectors came from the cache */
    public record TextEncoder(String model, int dimension, int sampleTexts, double textsPerSecond,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double fullCatalogueTextsPerSecond) {
    }

    /** The search settings the measurements ran with. */
    public record Settings(int shortlist, double hybridVisualWeight, int aqeDepth, int dbaNeighbours,
                           int hnswThreshold) {
    }
}
