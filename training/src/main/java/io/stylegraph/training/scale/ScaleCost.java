package io.stylegraph.training.scale;

import java.util.List;
import java.util.Optional;

import io.stylegraph.training.report.GrowthFit;

/**
 * One cost the scale benchmark fits a growth to: the figure, the size it is set against and what the issue asks of
 * its exponent.
 *
 * @param key          the figure in {@link ScalePoint#figures()}
 * @param label        how the report names it
 * @param sizeMeasure  {@code items}, {@code likes} or a recorded figure (e.g. {@code trainLikes})
 * @param perUnit      "like" or "item": what the cost is read per
 * @param maxExponent  the exponent the target allows (1.1), or null where none is set
 */
public record ScaleCost(String key, String label, String sizeMeasure, String perUnit, Double maxExponent) {

    /** The costs every scale report fits, per like then per item. */
    public static final List<ScaleCost> ALL = List.of(
            new ScaleCost("importSeconds", "import", "importInteractions", "like", 1.1),
            new ScaleCost("snapshotSeconds", "graph snapshot (and dataset)", "likes", "like", null),
            new ScaleCost("epochSeconds", "training epoch", "trainLikes", "like", 1.1),
            new ScaleCost("storeMib", "Neo4j store on disk (MiB)", "likes", "like", null),
            new ScaleCost("knnSeconds", "training's item kNN graph", "items", "item", 1.1),
            new ScaleCost("itemGraphSeconds", "served model's item graph (HNSW)", "items", "item", 1.1),
            new ScaleCost("serveReadySeconds", "service start until served", "items", "item", null),
            new ScaleCost("serveLiveHeapMib", "service live heap (MiB)", "items", "item", null));

    /** The fit of this cost over the points, or empty below two measured sizes. */
    public Optional<GrowthFit> fit(List<ScalePoint> points) {
        return GrowthFit.of(points.stream()
                .map(p -> new GrowthFit.Point(p.size(sizeMeasure), p.figure(key))).toList());
    }

    /** Whether the fit meets the target: "met", "missed by …", "no target" or "one point, no fit". */
    public String status(Optional<GrowthFit> fit) {
        if (fit.isEmpty()) {
            return "fewer than two measured sizes, no fit";
        }
        if (maxExponent == null) {
            return "no target";
        }
        double exponent = fit.get().exponent();
        return exponent <= maxExponent ? "met"
                : String.format(java.util.Locale.ROOT, "missed by %.2f", exponent - maxExponent);
    }
}
