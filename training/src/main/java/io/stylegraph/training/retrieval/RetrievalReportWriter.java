package io.stylegraph.training.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import io.stylegraph.training.report.ReportFiles;

/**
 * Writes a {@link RetrievalReport} through {@link ReportFiles} as {@code retrieval-fashion-products.json} and
 * {@code .md}; this class holds the Markdown body.
 */
public final class RetrievalReportWriter {
    public static final String NAME = "retrieval-fashion-products";

    private RetrievalReportWriter() {
    }

    public static Path[] write(RetrievalReport report, Path directory) throws IOException {
        return ReportFiles.write(directory, NAME, report, markdown(report));
    }

    public static String markdown(RetrievalReport report) {
        StringBuilder md = new StringBuilder("# Retrieval on fashion-products\n\n");
        md.append("Written by `").append(report.command()).append("` on ").append(report.date())
                .append(". ").append(report.items()).append(" items (").append(report.itemsWithVisual())
                .append(" with a visual vector, ").append(report.itemsWithText()).append(" with a text vector); ")
                .append(report.queries()).append(" query items drawn with seed ").append(report.seed())
                .append(". Every item is a candidate; the query item itself never is.\n\n");
        md.append("## Precision@10 of \"similar items\"\n\n");
        md.append("Share of the top 10 that have the query's `article_type`, its `base_colour`, or both. "
                + "`random` is the exact expectation of a uniform pick.\n\n");
        md.append("| modality | AQE | DBA | article type | base colour | both | ms/query |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (PrecisionRow row : report.precisionAt10()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %s |%n", row.modality(),
                    row.modality().equals("random") ? "" : row.aqe() ? "yes" : "no",
                    row.modality().equals("random") ? "" : row.dba() ? "yes" : "no", row.articleType(),
                    row.baseColour(), row.both(), row.modality().equals("random") ? ""
                            : String.format(Locale.ROOT, "%.1f", row.secondsPerQuery() * 1000)));
        }
        RetrievalReport.Settings settings = report.settings();
        md.append(String.format(Locale.ROOT, "%nHybrid: %.2f x visual + %.2f x text cosine over the pooled top %s of "
                        + "each. AQE: the query averaged with its top %s results, then searched again. DBA: each item "
                        + "vector replaced by the weighted mean of itself and its %s nearest neighbours (weights falling "
                        + "linearly with rank), candidates re-scored with those.%n",
                settings.hybridVisualWeight(), 1 - settings.hybridVisualWeight(), settings.shortlist(),
                settings.aqeDepth(), settings.dbaNeighbours()));
        md.append("\nThe text vector is computed from title + category + colour + description, so the text rows see "
                + "the article type and colour in words; the visual rows see only pixels. ms/query under DBA "
                + "includes computing augmented vectors the first time an item is met (cached afterwards).\n\n");
        RetrievalReport.ImageEncoder image = report.encoders().image();
        RetrievalReport.TextEncoder text = report.encoders().text();
        md.append("## Encoder throughput (this machine)\n\n| encoder | model | dimension | per second |\n"
                + "| --- | --- | --- | --- |\n");
        md.append("| image (file decode + encode) | ").append(image.model()).append(" | ")
                .append(image.dimension()).append(" | ").append(image.imagesPerSecond()).append(" images |\n");
        md.append("| image (encode only) | ").append(image.model()).append(" | ").append(image.dimension())
                .append(" | ").append(image.encodeOnlyImagesPerSecond()).append(" images |\n");
        md.append("| text | ").append(text.model()).append(" | ").append(text.dimension()).append(" | ")
                .append(text.textsPerSecond()).append(" texts |\n");
        md.append("\nTimed on ").append(image.sampleImages()).append(" images and ").append(text.sampleTexts())
                .append(" texts embedded afresh (after an untimed warm-up) in batches of 64, one batch at a time, as the "
                        + "embedding job does.");
        if (image.fullCatalogueImagesPerSecond() != null) {
            md.append(" Embedding the whole evaluated catalogue ran at ").append(image.fullCatalogueImagesPerSecond())
                    .append(" images/s and ").append(text.fullCatalogueTextsPerSecond()).append(" texts/s.");
        } else {
            md.append(" The catalogue's vectors came from the cache of an earlier run (`--vectors-cache`).");
        }
        md.append("\n\n");
        md.append("## Latency against the in-memory index\n\n");
        md.append("In-process calls to the service's `SimilarityService` (what the HTTP handlers call; HTTP and JSON "
                + "not included), k = 10, over ").append(report.queries())
                .append(" queries after 100 warm-up queries, one at a time.\n\n");
        md.append("| query | p50 ms | p99 ms | mean ms |\n| --- | --- | --- | --- |\n");
        for (LatencyRow row : report.latency()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", row.query(), row.p50Ms(),
                    row.p99Ms(), row.meanMs()));
        }
        if (!report.hnsw().isEmpty()) {
            md.append("\n## HNSW graph against the exact scan\n\n");
            md.append("The service scans exactly up to `stylegraph.search.hnsw-threshold` items (")
                    .append(settings.hnswThreshold())
                    .append(") and switches to an HNSW graph above. Here both answer the same item queries; recall@10 "
                            + "is the share of the exact top 10 the graph returns (filtered: same slot and gender).\n\n");
            md.append("| modality | items | M | efConstruction | ef | build s | recall@10 | filtered recall@10 | "
                    + "exact p50/p99 ms | HNSW p50/p99 ms |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (HnswRow row : report.hnsw()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.3f | %.3f | %.2f / %.2f | "
                                + "%.2f / %.2f |%n", row.modality(), row.items(), row.m(), row.efConstruction(), row.ef(),
                        row.buildSeconds(), row.recallAt10(), row.filteredRecallAt10(), row.exact().p50Ms(),
                        row.exact().p99Ms(), row.approximate().p50Ms(), row.approximate().p99Ms()));
            }
        }
        md.append("\n## Environment\n\n| | |\n| --- | --- |\n");
        report.environment().forEach((key, value) -> md.append("| ").append(key).append(" | ")
                .append(value).append(" |\n"));
        md.append("| load average (start / before latency / end) | ")
                .append(report.loadAverage().values().stream().map(String::valueOf)
                        .collect(Collectors.joining(" / "))).append(" |\n");
        md.append("\nOne run; machines are noisy (the load average shows work beside this run on its ")
                .append(report.environment().get("cores"))
                .append(" cores), so repeat it for a spread. The JSON beside this file has every figure.\n");
        return md.toString();
    }
}
