package io.stylegraph.training.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.stylegraph.training.report.GrowthFit;
import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ReportFiles;

/**
 * The scale benchmark's report: one row per size point of what each stage measured, the fitted growth of each cost
 * and the plot, as {@code scale-<name>.md}, {@code .json} and {@code .png} in one folder. A figure a stage did not
 * measure is shown as "—" and left out of the JSON point.
 */
public final class ScaleReport {
    private static final String MISSING = "—";

    private final String name;
    private final Provenance provenance;
    private final List<ScalePoint> points;

    public ScaleReport(String name, Provenance provenance, List<ScalePoint> points) {
        this.name = name;
        this.provenance = provenance;
        this.points = List.copyOf(points);
    }

    /** Writes the three files into {@code directory}; returns the Markdown file. */
    public Path write(Path directory) throws IOException {
        String file = "scale-" + name;
        java.nio.file.Files.createDirectories(directory);
        ScaleChart.write(points, ScaleCost.ALL, "Stylegraph scale benchmark " + name
                + ": cost per size point, fitted growth dashed", directory.resolve(file + ".png"));
        return ReportFiles.write(directory, file, json(file + ".png"), markdown(file + ".png"))[1];
    }

    Map<String, Object> json(String chart) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "scale");
        json.put("name", name);
        json.put("provenance", provenance);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScalePoint point : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("items", point.items());
            row.put("users", point.users());
            row.put("likes", point.likes());
            row.putAll(point.texts());
            row.putAll(point.figures());
            rows.add(row);
        }
        json.put("points", rows);
        List<Map<String, Object>> fits = new ArrayList<>();
        for (ScaleCost cost : ScaleCost.ALL) {
            Optional<GrowthFit> fit = cost.fit(points);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cost", cost.key());
            row.put("against", cost.sizeMeasure());
            row.put("exponent", fit.map(f -> round(f.exponent())).orElse(null));
            row.put("points", fit.map(GrowthFit::points).orElse(0));
            row.put("maxExponent", cost.maxExponent());
            row.put("status", cost.status(fit));
            fits.add(row);
        }
        json.put("fits", fits);
        json.put("chart", chart);
        return json;
    }

    String markdown(String chart) {
        StringBuilder md = new StringBuilder("# Scale benchmark: ").append(name).append("\n\n");
        md.append(ReportFiles.provenance(provenance, ReportFiles.HeapLine.WITHOUT_MAX_HEAP)).append('\n');
        md.append("Each size point is generated (seed 1), imported into a fresh data dir, trained once by "
                + "`./stylegraph train` (the service's own run), then served by `./stylegraph serve --no-catalog` "
                + "and loaded over HTTP by `bench/http-load.sh` at one connection. Peak heap is the largest heap "
                + "in use before a GC of the process's GC log; peak RSS its VmHWM. Git revision of each point's run: "
                + String.join(", ", points.stream().map(p -> p.texts().getOrDefault("gitRevision", "?"))
                .distinct().toList()) + ". " + MISSING + ": not measured (the stage did not run or did not "
                + "finish).\n\n");
        md.append("## Import and training\n\n");
        table(md, List.of(
                column("items", p -> (double) p.items(), "%.0f"), column("users", p -> (double) p.users(), "%.0f"),
                column("likes", p -> (double) p.likes(), "%.0f"), column("generate s", "generateWallSeconds", "%.1f"),
                column("import s", "importSeconds", "%.1f"), column("import rows/s", "importRowsPerSecond", "%.0f"),
                column("store MiB", "storeMib", "%.0f"), column("import peak heap / RSS MiB",
                        p -> p.figure("importPeakHeapMib"), p -> pair(p, "importPeakHeapMib", "importPeakRssMib")),
                column("snapshot s", "snapshotSeconds", "%.1f"), column("kNN s", "knnSeconds", "%.1f"),
                column("train likes", "trainLikes", "%.0f"), column("epoch s", "epochSeconds", "%.1f"),
                column("epoch s per M likes", p -> perMillion(p, "epochSeconds", "trainLikes"), "%.1f"),
                column("train wall s", "trainWallSeconds", "%.1f"), column("train peak heap / RSS MiB",
                        p -> p.figure("trainPeakHeapMib"), p -> pair(p, "trainPeakHeapMib", "trainPeakRssMib"))));
        md.append("\n## Serving (one connection over HTTP)\n\n");
        table(md, List.of(
                column("items", p -> (double) p.items(), "%.0f"), column("up s", "serveUpSeconds", "%.1f"),
                column("served s", "serveReadySeconds", "%.1f"), column("item graph s", "itemGraphSeconds", "%.0f"),
                column("search graphs s", "searchGraphsReadySeconds", "%.0f"),
                column("PAIRS_WITH s", "pairsWithReadySeconds", "%.0f"),
                latency("recommendations", "recommendations"), latency("similar (visual)", "similarVisual"),
                latency("similar (text)", "similarText"), latency("outfits (anchor)", "outfitsAnchor"),
                column("RSS / peak RSS MiB", p -> p.figure("serveRssMib"), p -> pair(p, "serveRssMib", "servePeakRssMib")),
                column("live heap / peak heap MiB", p -> p.figure("serveLiveHeapMib"),
                        p -> pair(p, "serveLiveHeapMib", "servePeakHeapMib")),
                column("load avg", "recommendationsLoadAverage", "%.1f")));
        md.append("\nLatencies are p50 / p99 in ms, measured once the background work of a start has ended (search "
                + "graphs s and PAIRS_WITH s: seconds from the start until the search indexes answer through their "
                + "HNSW graphs and until the PAIRS_WITH edges are written; " + MISSING + " where not waited for). "
                + "The load average (1 min) before each stage, from the "
                + "measurements: ");
        md.append(String.join("; ", points.stream().map(p -> String.format(Locale.ROOT, "%d items: import %s, "
                + "train %s, HTTP load runs %s", p.items(), text(p.figure("importLoadBefore"), "%.1f"),
                text(p.figure("trainLoadBefore"), "%.1f"), text(p.figure("recommendationsLoadAverage"), "%.1f"))).toList()));
        md.append(".\n\n## Fitted growth\n\n");
        md.append("Least-squares slope of log cost on log size over the points that measured it: ∝ size^b, "
                + "b = 1 a flat cost per unit.\n\n");
        md.append("| cost | against | b | points | target | status |\n|---|---|---:|---:|---|---|\n");
        for (ScaleCost cost : ScaleCost.ALL) {
            Optional<GrowthFit> fit = cost.fit(points);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s |%n", cost.label(), cost.sizeMeasure(),
                    fit.map(f -> String.format(Locale.ROOT, "%.2f", f.exponent())).orElse(MISSING),
                    fit.map(GrowthFit::points).orElse(0),
                    cost.maxExponent() == null ? MISSING : "≤ " + cost.maxExponent(), cost.status(fit)));
        }
        md.append("\n![cost per size point, log–log](").append(chart).append(")\n");
        return md.toString();
    }

    /** A column of the tables: its heading and how a point's cell reads. */
    private record Column(String heading, Function<ScalePoint, String> cell) {
    }

    private static Column column(String heading, String key, String format) {
        return column(heading, p -> p.figure(key), format);
    }

    private static Column column(String heading, Function<ScalePoint, Double> value, String format) {
        return new Column(heading, p -> text(value.apply(p), format));
    }

    private static Column column(String heading, Function<ScalePoint, Double> present,
                                 Function<ScalePoint, String> cell) {
        return new Column(heading, p -> present.apply(p) == null ? MISSING : cell.apply(p));
    }

    private static Column latency(String heading, String prefix) {
        return column(heading + " ms", p -> p.figure(prefix + "P99Ms"),
                p -> text(p.figure(prefix + "P50Ms"), "%.1f") + " / " + text(p.figure(prefix + "P99Ms"), "%.1f"));
    }

    private void table(StringBuilder md, List<Column> columns) {
        md.append("| ").append(String.join(" | ", columns.stream().map(Column::heading).toList())).append(" |\n|");
        md.append("---:|".repeat(columns.size())).append('\n');
        for (ScalePoint point : points) {
            md.append("| ").append(String.join(" | ", columns.stream().map(c -> c.cell().apply(point)).toList()))
                    .append(" |\n");
        }
    }

    private static String pair(ScalePoint point, String first, String second) {
        return text(point.figure(first), "%.0f") + " / " + text(point.figure(second), "%.0f");
    }

    private static Double perMillion(ScalePoint point, String cost, String size) {
        Double value = point.figure(cost);
        Double of = point.figure(size);
        return value == null || of == null || of == 0 ? null : value * 1e6 / of;
    }

    private static String text(Double value, String format) {
        return value == null ? MISSING : String.format(Locale.ROOT, format, value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
