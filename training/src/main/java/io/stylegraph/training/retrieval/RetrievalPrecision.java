package io.stylegraph.training.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.training.search.SearchSettings;

/**
 * Precision@k of the retrieval evaluation ({@link RetrievalEvaluation}) on a sample with given text vectors, for
 * {@link TextEncoderBenchmark}'s comparison of two text encoders; the visual vectors, from the built-in image encoder,
 * are embedded at the first call and shared. The encoders open at the first call, after the benchmark's own have
 * closed.
 */
public final class RetrievalPrecision implements TextEncoderBenchmark.TextPrecision, AutoCloseable {
    private final SearchSettings settings;
    private final int perCall;
    private final int queries;
    private final int k;
    private final long seed;
    private LazyEncoders encoders;
    private ItemEmbedder embedder;
    private Map<String, float[]> visual;

    /**
     * @param perCall pictures per encode call
     * @param queries query items drawn with the seed
     */
    public RetrievalPrecision(SearchSettings settings, int perCall, int queries, int k, long seed) {
        this.settings = settings;
        this.perCall = perCall;
        this.queries = queries;
        this.k = k;
        this.seed = seed;
    }

    @Override
    public List<PrecisionRow> rows(List<Item> items, Map<String, float[]> text) {
        if (encoders == null) {
            encoders = new LazyEncoders(null);
            embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
            visual = new CatalogueEmbedder(encoders.image(), encoders.text(), embedder::readImage, perCall)
                    .images(items, new Throughput.Builder());
        }
        Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
        vectors.put("visual", visual);
        vectors.put("text", text);
        RetrievalEvaluation evaluation = new RetrievalEvaluation(new EmbeddedCatalogue(items, vectors), encoders,
                embedder, settings, seed);
        return evaluation.precision(evaluation.queryItems(queries), k);
    }

    @Override
    public void close() {
        if (encoders != null) {
            encoders.close();
        }
    }
}
