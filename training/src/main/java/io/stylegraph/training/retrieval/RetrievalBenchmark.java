package io.stylegraph.training.retrieval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.training.report.RunEnvironment;
import io.stylegraph.training.search.SearchSettings;

/**
 * The retrieval benchmark on the fashion-products catalogue: embeds it with the configured encoders (or reads its
 * vectors from a cache), times the encoders, and measures with {@link RetrievalEvaluation} precision@10 of similar
 * items, query latency and HNSW against the exact scan; answers a {@link RetrievalReport} with the figures, the
 * machine, the git revision and the load average beside them.
 */
public final class RetrievalBenchmark {
    public static final int K = 10;
    private static final int WARM_UP_ITEMS = 256;

    /**
     * What to measure.
     *
     * @param folder           the fashion-products folder ({@code items.csv}, {@code images/})
     * @param limit            evaluate a seeded random sample of this many items; 0 for all
     * @param queries          query items for precision and latency
     * @param throughputSample items embedded afresh to time the encoders
     * @param siglipDir        a FashionSigLIP model folder; null for the built-in encoders
     * @param vectorsCache     folder that keeps the catalogue's vectors between runs, per model; null to embed every
     *                         time
     * @param skipHnsw         do not build HNSW graphs to compare with the exact scan
     */
    public record Settings(Path folder, int limit, int queries, int throughputSample, long seed, Path siglipDir,
                           Path vectorsCache, boolean skipHnsw) {
    }

    private final Settings settings;
    private final PrintStream out;

    private RetrievalBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the benchmark once.
     *
     * @param command the command line to name in the report
     * @param out     where progress goes
     */
    public static RetrievalReport run(Settings settings, String command, PrintStream out) throws Exception {
        return new RetrievalBenchmark(settings, out).run(command);
    }

    private RetrievalReport run(String command) throws Exception {
        // the revision of the code that runs, even if the checkout changes before the report is written
        Map<String, Object> environment = RunEnvironment.describe();
        double loadAverage = RunEnvironment.loadAverage();
        List<Item> all = readItems(settings.folder());
        Collections.shuffle(all, new Random(settings.seed()));
        int limit = settings.limit();
        List<Item> items = limit > 0 && limit < all.size() ? List.copyOf(all.subList(0, limit)) : all;
        SearchSettings config = SearchSettings.DEFAULT;
        try (LazyEncoders encoders = new LazyEncoders(settings.siglipDir())) {
            ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
            CatalogueEmbedder catalogueEmbedder = new CatalogueEmbedder(encoders.image(), encoders.text(),
                    embedder::readImage, CatalogueEmbedder.DEFAULT_BATCH);

            // untimed first pass: class loading, JIT compilation and ONNX Runtime's first runs would skew the rates
            List<Item> warmUp = items.subList(items.size() - Math.min(WARM_UP_ITEMS, items.size()), items.size());
            catalogueEmbedder.images(warmUp, new Throughput.Builder());
            catalogueEmbedder.texts(warmUp, new Throughput.Builder());
            List<Item> sample = items.subList(0, Math.min(settings.throughputSample(), items.size()));
            Throughput.Builder sampleTiming = new Throughput.Builder();
            catalogueEmbedder.images(sample, sampleTiming);
            catalogueEmbedder.texts(sample, sampleTiming);
            Throughput throughput = sampleTiming.build();

            Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
            Throughput.Builder fullTiming = new Throughput.Builder();
            String imageModel = encoders.image().modelId();
            String textModel = encoders.text().modelId();
            vectors.put("visual", cachedOrEmbedded("visual", imageModel, items,
                    () -> catalogueEmbedder.images(items, fullTiming)));
            vectors.put("text", cachedOrEmbedded("text", textModel, items,
                    () -> catalogueEmbedder.texts(items, fullTiming)));

            RetrievalEvaluation evaluation = new RetrievalEvaluation(new EmbeddedCatalogue(items, vectors), encoders,
                    embedder, config, settings.seed());
            List<Item> queryItems = evaluation.queryItems(settings.queries());
            Map<String, Double> load = new LinkedHashMap<>();
            load.put("start", loadAverage);
            var precision = evaluation.precision(queryItems, K);
            load.put("beforeLatency", RunEnvironment.loadAverage());
            var latency = evaluation.latencies(queryItems, K);
            var hnsw = settings.skipHnsw() ? List.<HnswRow>of() : evaluation.hnsw(queryItems, K);
            load.put("end", RunEnvironment.loadAverage());

            return new RetrievalReport("retrieval", FashionProductsSource.NAME, settings.folder().toString(), command,
                    Instant.now().toString(), items.size(), vectors.get("visual").size(), vectors.get("text").size(),
                    queryItems.size(), K, settings.seed(), encoders(encoders, throughput, fullTiming.build()),
                    settings(config), precision, latency, hnsw, environment, load);
        }
    }

    private Map<String, float[]> cachedOrEmbedded(String modality, String modelId, List<Item> items,
                                                  Callable<Map<String, float[]>> embed) throws Exception {
        if (settings.vectorsCache() == null) {
            return embed.call();
        }
        String key = modelId + "|" + items.size() + "|" + settings.seed() + "|" + items.get(0).id();
        Path file = settings.vectorsCache().resolve("fashion-products-" + modality + "-"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8) + ".bin");
        var cached = VectorFiles.read(file, modelId);
        if (cached.isPresent()) {
            out.println("Using " + modality + " vectors from " + file);
            return cached.get();
        }
        Map<String, float[]> vectors = embed.call();
        VectorFiles.write(file, modelId, vectors);
        return vectors;
    }

    private static List<Item> readItems(Path folder) throws IOException {
        List<Item> items = new ArrayList<>();
        new FashionProductsSource(folder).read(ImportSinks.itemsTo(items::add));
        return items;
    }

    private static RetrievalReport.Encoders encoders(LazyEncoders encoders, Throughput sample, Throughput full) {
        RetrievalReport.ImageEncoder image = new RetrievalReport.ImageEncoder(encoders.image().modelId(),
                encoders.image().dimension(), sample.images(), round(sample.imagesPerSecond()),
                round(sample.imageEncodesPerSecond()), full.images() > 0 ? round(full.imagesPerSecond()) : null);
        RetrievalReport.TextEncoder text = new RetrievalReport.TextEncoder(encoders.text().modelId(),
                encoders.text().dimension(), sample.texts(), round(sample.textsPerSecond()),
                full.texts() > 0 ? round(full.textsPerSecond()) : null);
        return new RetrievalReport.Encoders(image, text, encoders.sharedSpace());
    }

    private static RetrievalReport.Settings settings(SearchSettings config) {
        return new RetrievalReport.Settings(config.shortlist(), config.hybridVisualWeight(), config.aqeDepth(),
                config.dba().neighbours(), config.hnsw().threshold());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
