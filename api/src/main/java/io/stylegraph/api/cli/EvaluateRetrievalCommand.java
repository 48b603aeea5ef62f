package io.stylegraph.api.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.ItemEmbedder;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.evaluation.CatalogueEmbedder;
import io.stylegraph.api.search.evaluation.EmbeddedCatalogue;
import io.stylegraph.api.search.evaluation.RetrievalEvaluation;
import io.stylegraph.api.search.evaluation.Throughput;
import io.stylegraph.api.search.evaluation.VectorFiles;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate-retrieval", mixinStandardHelpOptions = true,
        description = {"Embeds the fashion-products catalogue with the configured encoders and measures retrieval: "
                + "precision@10 of same article type / base colour / both for visual, text and hybrid similarity, "
                + "with and without AQE and DBA, beside a random baseline; encoder throughput; query latency against "
                + "the in-memory index; HNSW against the exact scan. Writes retrieval-fashion-products.json and .md."})
public class EvaluateRetrievalCommand implements Callable<Integer> {
    private static final int K = 10;
    private static final int WARM_UP_ITEMS = 256;

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "Folder holding fashion-products (default: ${DEFAULT-VALUE}).")
    Path datasetsDirectory;

    @Option(names = "--limit", defaultValue = "0",
            description = "Evaluate a seeded random sample of this many items (default: all).")
    int limit;

    @Option(names = "--queries", defaultValue = "1000",
            description = "Query items for precision and latency (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--throughput-sample", defaultValue = "2000",
            description = "Items embedded afresh to time the encoders (default: ${DEFAULT-VALUE}).")
    int throughputSample;

    @Option(names = "--seed", defaultValue = "42", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--siglip-dir", defaultValue = "${STYLEGRAPH_SIGLIP_DIR:-}",
            description = "A FashionSigLIP model folder; blank for the built-in encoders.")
    String siglipDir;

    @Option(names = "--vectors-cache", defaultValue = "data/retrieval-vectors",
            description = "Keeps the catalogue's vectors between runs, per model (default: ${DEFAULT-VALUE}; "
                    + "'none' to embed every time).")
    String vectorsCache;

    @Option(names = "--skip-hnsw", description = "Do not build HNSW graphs to compare with the exact scan.")
    boolean skipHnsw;

    @Option(names = "--report", defaultValue = "reports", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDirectory;

    @Override
    public Integer call() throws Exception {
        Path folder = datasetsDirectory.resolve("fashion-products").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.err.println("No fashion-products dataset at " + folder);
            return 2;
        }
        // the revision of the code that runs, even if the checkout changes before the report is written
        Map<String, Object> environment = RunEnvironment.describe();
        double loadAverage = RunEnvironment.loadAverage();
        List<Item> all = readItems(folder);
        Collections.shuffle(all, new Random(seed));
        List<Item> items = limit > 0 && limit < all.size() ? List.copyOf(all.subList(0, limit)) : all;
        SearchConfiguration config = new SearchConfiguration();
        try (ActiveEncoders encoders = new ActiveEncoders(siglipDir.isBlank() ? null : Path.of(siglipDir))) {
            ItemEmbedder embedder = new ItemEmbedder(encoders, new ImageDecoder(ImageLimits.DEFAULT));
            CatalogueEmbedder catalogueEmbedder = new CatalogueEmbedder(encoders, embedder,
                    config.getEmbedBatchSize());

            // untimed first pass: class loading, JIT compilation and ONNX Runtime's first runs would skew the rates
            List<Item> warmUp = items.subList(items.size() - Math.min(WARM_UP_ITEMS, items.size()), items.size());
            catalogueEmbedder.images(warmUp, new Throughput.Builder());
            catalogueEmbedder.texts(warmUp, new Throughput.Builder());
            List<Item> sample = items.subList(0, Math.min(throughputSample, items.size()));
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
                    embedder, config, seed);
            List<Item> queryItems = evaluation.queryItems(queries);
            Map<String, Double> load = new LinkedHashMap<>();
            load.put("start", loadAverage);
            var precision = evaluation.precision(queryItems, K);
            load.put("beforeLatency", RunEnvironment.loadAverage());
            var latency = evaluation.latencies(queryItems, K);
            var hnsw = skipHnsw ? List.<RetrievalEvaluation.HnswRow>of() : evaluation.hnsw(queryItems, K);
            load.put("end", RunEnvironment.loadAverage());

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("benchmark", "retrieval");
            report.put("dataset", "fashion-products");
            report.put("path", folder.toString());
            report.put("command", commandLine());
            report.put("date", java.time.Instant.now().toString());
            report.put("items", items.size());
            report.put("itemsWithVisual", vectors.get("visual").size());
            report.put("itemsWithText", vectors.get("text").size());
            report.put("queries", queryItems.size());
            report.put("k", K);
            report.put("seed", seed);
            report.put("encoders", encoders(encoders, throughput, fullTiming.build()));
            report.put("settings", settings(config));
            report.put("precisionAt10", precision);
            report.put("latency", latency);
            report.put("hnsw", hnsw);
            report.put("environment", environment);
            report.put("loadAverage", load);
            write(report, precision, latency, hnsw);
            return 0;
        }
    }

    private Map<String, float[]> cachedOrEmbedded(String modality, String modelId, List<Item> items,
                                                  Callable<Map<String, float[]>> embed) throws Exception {
        if ("none".equals(vectorsCache)) {
            return embed.call();
        }
        String key = modelId + "|" + items.size() + "|" + seed + "|" + items.get(0).id();
        Path file = Path.of(vectorsCache).resolve("fashion-products-" + modality + "-"
                + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8) + ".bin");
        var cached = VectorFiles.read(file, modelId);
        if (cached.isPresent()) {
            System.out.println("Using " + modality + " vectors from " + file);
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

    private Map<String, Object> encoders(ActiveEncoders encoders, Throughput sample, Throughput full) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("model", encoders.image().modelId());
        image.put("dimension", encoders.image().dimension());
        image.put("sampleImages", sample.images());
        image.put("imagesPerSecond", round(sample.imagesPerSecond()));
        image.put("encodeOnlyImagesPerSecond", round(sample.imageEncodesPerSecond()));
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("model", encoders.text().modelId());
        text.put("dimension", encoders.text().dimension());
        text.put("sampleTexts", sample.texts());
        text.put("textsPerSecond", round(sample.textsPerSecond()));
        if (full.images() > 0) {
            image.put("fullCatalogueImagesPerSecond", round(full.imagesPerSecond()));
        }
        if (full.texts() > 0) {
            text.put("fullCatalogueTextsPerSecond", round(full.textsPerSecond()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("image", image);
        out.put("text", text);
        out.put("sharedSpace", encoders.sharedSpace());
        return out;
    }

    private static Map<String, Object> settings(SearchConfiguration config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("shortlist", config.getShortlist());
        settings.put("hybridVisualWeight", config.getHybridVisualWeight());
        settings.put("aqeDepth", config.getAqeDepth());
        settings.put("dbaNeighbours", config.getDbaNeighbours());
        settings.put("hnswThreshold", config.getHnswThreshold());
        return settings;
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("./stylegraph evaluate-retrieval");
        if (limit > 0) {
            command.append(" --limit ").append(limit);
        }
        if (queries != 1000) {
            command.append(" --queries ").append(queries);
        }
        if (seed != 42) {
            command.append(" --seed ").append(seed);
        }
        if (!siglipDir.isBlank()) {
            command.append(" --siglip-dir ").append(siglipDir);
        }
        if (skipHnsw) {
            command.append(" --skip-hnsw");
        }
        return command.toString();
    }

    private void write(Map<String, Object> report, List<RetrievalEvaluation.PrecisionRow> precision,
                       List<RetrievalEvaluation.LatencyRow> latency, List<RetrievalEvaluation.HnswRow> hnsw)
            throws IOException {
        Files.createDirectories(reportDirectory);
        Path json = reportDirectory.resolve("retrieval-fashion-products.json");
        Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        StringBuilder md = new StringBuilder("# Retrieval on fashion-products\n\n");
        md.append("Written by `").append(report.get("command")).append("` on ").append(report.get("date"))
                .append(". ").append(report.get("items")).append(" items (").append(report.get("itemsWithVisual"))
                .append(" with a visual vector, ").append(report.get("itemsWithText")).append(" with a text vector); ")
                .append(report.get("queries")).append(" query items drawn with seed ").append(seed)
                .append(". Every item is a candidate; the query item itself never is.\n\n");
        md.append("## Precision@10 of \"similar items\"\n\n");
        md.append("Share of the top 10 that have the query's `article_type`, its `base_colour`, or both. "
                + "`random` is the exact expectation of a uniform pick.\n\n");
        md.append("| modality | AQE | DBA | article type | base colour | both | ms/query |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (RetrievalEvaluation.PrecisionRow row : precision) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %s |%n", row.modality(),
                    row.modality().equals("random") ? "" : row.aqe() ? "yes" : "no",
                    row.modality().equals("random") ? "" : row.dba() ? "yes" : "no", row.articleType(),
                    row.baseColour(), row.both(), row.modality().equals("random") ? ""
                            : String.format(Locale.ROOT, "%.1f", row.secondsPerQuery() * 1000)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) report.get("settings");
        md.append(String.format(Locale.ROOT, "%nHybrid: %.2f x visual + %.2f x text cosine over the pooled top %s of "
                        + "each. AQE: the query averaged with its top %s results, then searched again. DBA: each item "
                        + "vector replaced by the weighted mean of itself and its %s nearest neighbours (weights falling "
                        + "linearly with rank), candidates re-scored with those.%n",
                (double) settings.get("hybridVisualWeight"), 1 - (double) settings.get("hybridVisualWeight"),
                settings.get("shortlist"), settings.get("aqeDepth"), settings.get("dbaNeighbours")));
        md.append("\nThe text vector is computed from title + category + colour + description, so the text rows see "
                + "the article type and colour in words; the visual rows see only pixels. ms/query under DBA "
                + "includes computing augmented vectors the first time an item is met (cached afterwards).\n\n");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> encoders = (Map<String, Map<String, Object>>) report.get("encoders");
        md.append("## Encoder throughput (this machine)\n\n| encoder | model | dimension | per second |\n"
                + "| --- | --- | --- | --- |\n");
        Map<String, Object> image = encoders.get("image");
        Map<String, Object> text = encoders.get("text");
        md.append("| image (file decode + encode) | ").append(image.get("model")).append(" | ")
                .append(image.get("dimension")).append(" | ").append(image.get("imagesPerSecond")).append(" images |\n");
        md.append("| image (encode only) | ").append(image.get("model")).append(" | ").append(image.get("dimension"))
                .append(" | ").append(image.get("encodeOnlyImagesPerSecond")).append(" images |\n");
        md.append("| text | ").append(text.get("model")).append(" | ").append(text.get("dimension")).append(" | ")
                .append(text.get("textsPerSecond")).append(" texts |\n");
        md.append("\nTimed on ").append(image.get("sampleImages")).append(" images and ").append(text.get("sampleTexts"))
                .append(" texts embedded afresh (after an untimed warm-up) in batches of 64, one batch at a time, as the "
                        + "embedding job does.");
        if (image.containsKey("fullCatalogueImagesPerSecond")) {
            md.append(" Embedding the whole evaluated catalogue ran at ").append(image.get("fullCatalogueImagesPerSecond"))
                    .append(" images/s and ").append(text.get("fullCatalogueTextsPerSecond")).append(" texts/s.");
        } else {
            md.append(" The catalogue's vectors came from the cache of an earlier run (`--vectors-cache`).");
        }
        md.append("\n\n");
        md.append("## Latency against the in-memory index\n\n");
        md.append("In-process calls to the service's `SimilarityService` (what the HTTP handlers call; HTTP and JSON "
                + "not included), k = 10, over ").append(report.get("queries"))
                .append(" queries after 100 warm-up queries, one at a time.\n\n");
        md.append("| query | p50 ms | p99 ms | mean ms |\n| --- | --- | --- | --- |\n");
        for (RetrievalEvaluation.LatencyRow row : latency) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", row.query(), row.p50Ms(),
                    row.p99Ms(), row.meanMs()));
        }
        if (!hnsw.isEmpty()) {
            md.append("\n## HNSW graph against the exact scan\n\n");
            md.append("The service scans exactly up to `stylegraph.search.hnsw-threshold` items (")
                    .append(((Map<?, ?>) report.get("settings")).get("hnswThreshold"))
                    .append(") and switches to an HNSW graph above. Here both answer the same item queries; recall@10 "
                            + "is the share of the exact top 10 the graph returns (filtered: same slot and gender).\n\n");
            md.append("| modality | items | M | efConstruction | ef | build s | recall@10 | filtered recall@10 | "
                    + "exact p50/p99 ms | HNSW p50/p99 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (RetrievalEvaluation.HnswRow row : hnsw) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.3f | %.3f | %.2f / %.2f | "
                                + "%.2f / %.2f |%n", row.modality(), row.items(), row.m(), row.efConstruction(), row.ef(),
                        row.buildSeconds(), row.recallAt10(), row.filteredRecallAt10(), row.exact().p50Ms(),
                        row.exact().p99Ms(), row.approximate().p50Ms(), row.approximate().p99Ms()));
            }
        }
        md.append("\n## Environment\n\n| | |\n| --- | --- |\n");
        ((Map<?, ?>) report.get("environment")).forEach((key, value) -> md.append("| ").append(key).append(" | ")
                .append(value).append(" |\n"));
        md.append("| load average (start / before latency / end) | ")
                .append(((Map<?, ?>) report.get("loadAverage")).values().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(" / "))).append(" |\n");
        md.append("\nOne run; machines are noisy (the load average shows work beside this run on its ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores), so repeat it for a spread. The JSON beside this file has every figure.\n");
        Files.writeString(reportDirectory.resolve("retrieval-fashion-products.md"), md.toString());
        System.out.println("Report written to " + reportDirectory.resolve("retrieval-fashion-products.md"));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
