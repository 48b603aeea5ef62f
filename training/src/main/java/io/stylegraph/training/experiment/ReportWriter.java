package io.stylegraph.training.experiment;

import io.stylegraph.training.report.ReportFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link EvaluationReport} through {@link ReportFiles} as {@code <name>.json} and {@code .md}, by default
 * {@code evaluate-<dataset>}; this class holds the Markdown body.
 */
public final class ReportWriter {

    private static final List<String> TABLE_METRICS = List.of("Recall@10", "Recall@20", "Recall@50", "NDCG@10",
            "NDCG@20", "NDCG@50", "Precision@20", "MRR@20", "HitRate@20", "Coverage@20");

    private ReportWriter() {
    }

    public static Path[] write(EvaluationReport report, Path directory) throws IOException {
        return write(report, directory, "evaluate-" + report.dataset());
    }

    public static Path[] write(EvaluationReport report, Path directory, String name) throws IOException {
        return ReportFiles.write(directory, name, report, markdown(report));
    }

    public static String markdown(EvaluationReport report) {
        StringBuilder md = new StringBuilder();
        EvaluationReport.DatasetSummary data = report.data();
        md.append("# Evaluation on ").append(report.dataset()).append("\n\n");
        md.append(ReportFiles.provenance(report.provenance(), ReportFiles.HeapLine.WITH_MAX_HEAP));
        md.append(String.format(Locale.ROOT,
                "- data: %d users, %d items; likes train %d / valid %d / test %d; dislikes %d; %d users with test "
                        + "items%n", data.users(), data.items(), data.trainLikes(), data.validLikes(),
                data.testLikes(), data.dislikes(), data.testUsers()));
        md.append(data.modalities().isEmpty() ? "- item content: none\n"
                : "- item content: " + String.join(", ", data.modalities())
                + " (used by content-knn and freedom; freedom-id, lightgcn and bpr run without it)\n");
        md.append("- protocol: full ranking of all items, only train likes masked; Recall = hits / test items; "
                + "NDCG with binary gains, ideal DCG over min(test items, K); every user with test items counts; "
                + "test figures from the epoch with the best validation Recall@20.\n\n");

        md.append("## Test metrics\n\n| model |");
        TABLE_METRICS.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|");
        TABLE_METRICS.forEach(m -> md.append("---:|"));
        md.append('\n');
        for (EvaluationReport.ModelReport model : report.models()) {
            md.append("| ").append(model.name()).append(" |");
            for (String metric : TABLE_METRICS) {
                Double value = model.test().get(metric);
                md.append(' ').append(value == null ? "" : String.format(Locale.ROOT, "%.4f", value)).append(" |");
            }
            md.append('\n');
        }

        md.append(String.format(Locale.ROOT, "%n## Cold-item slice%n%nThe %d test likes (of %d users) whose item has "
                + "no train like: only item content can rank these items.%n%n| model | Recall@20 | NDCG@20 | "
                + "Recall@50 | HitRate@20 |%n|---|---:|---:|---:|---:|%n", data.coldTestLikes(), data.coldTestUsers()));
        for (EvaluationReport.ModelReport model : report.models()) {
            Map<String, Double> cold = model.coldItemTest() == null ? Map.of() : model.coldItemTest();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", model.name(),
                    fmt(cold.get("Recall@20")), fmt(cold.get("NDCG@20")), fmt(cold.get("Recall@50")),
                    fmt(cold.get("HitRate@20"))));
        }

        EvaluationReport.ColdUsersSummary coldUsers = report.coldUsers();
        if (coldUsers != null) {
            md.append(String.format(Locale.ROOT, "%n## Cold users%n%n%d users with test likes (%d test likes), drawn "
                    + "with seed %d, were held out of training altogether. Each is known only by their first n train "
                    + "likes in sequence order, as a new shopper after n likes; the models place them from those likes "
                    + "(embedding models by fold-in: the mean embedding of the liked items; content-profile by the "
                    + "liked items' content; popular ignores them), the n likes are masked, and the test likes are "
                    + "scored. The tables above are of the remaining users.%n%n| model | likes known | Recall@10 | "
                    + "Recall@20 | Recall@50 | NDCG@20 | HitRate@20 |%n|---|---:|---:|---:|---:|---:|---:|%n",
                    coldUsers.users(), coldUsers.testLikes(), coldUsers.seed()));
            for (EvaluationReport.ColdUserResult result : coldUsers.results()) {
                Map<String, Double> m = result.test();
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", result.model(),
                        result.likesKnown(), fmt(m.get("Recall@10")), fmt(m.get("Recall@20")),
                        fmt(m.get("Recall@50")), fmt(m.get("NDCG@20")), fmt(m.get("HitRate@20"))));
            }
        }

        md.append("\n## Training\n\n| model | kernel | epochs run | best epoch | s / epoch | s / evaluation pass "
                + "| training s | peak heap | peak RSS |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EvaluationReport.ModelReport model : report.models()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | %.1f | %s | %s |%n",
                    model.name(), model.kernel(), model.epochsRun(), model.bestEpoch(), model.secondsPerEpoch(),
                    model.secondsPerEvaluation(), model.trainingSeconds(), ReportFiles.mib(model.peakHeapBytes()),
                    ReportFiles.mib(model.peakRssBytes())));
        }

        md.append("\n## Parameters\n\n");
        for (EvaluationReport.ModelReport model : report.models()) {
            md.append("- **").append(model.name()).append("**: ");
            if (model.parameters().isEmpty()) {
                md.append("none");
            }
            md.append(String.join(", ", model.parameters().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            md.append('\n');
        }

        md.append("\n## Validation by epoch\n\n");
        for (EvaluationReport.ModelReport model : report.models()) {
            if (model.epochs().isEmpty()) {
                continue;
            }
            md.append("### ").append(model.name()).append("\n\n| epoch | loss | train s | valid Recall@20 | "
                    + "valid NDCG@20 | eval s |\n|---:|---:|---:|---:|---:|---:|\n");
            for (EvaluationReport.EpochRecord epoch : model.epochs()) {
                md.append(String.format(Locale.ROOT, "| %d%s | %.5f | %.2f | %s | %s | %s |%n", epoch.epoch(),
                        epoch.best() ? " *" : "", epoch.loss(), epoch.trainSeconds(), fmt(epoch.validRecall20()),
                        fmt(epoch.validNdcg20()), epoch.evaluationSeconds() == null ? ""
                                : String.format(Locale.ROOT, "%.2f", epoch.evaluationSeconds())));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String fmt(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
