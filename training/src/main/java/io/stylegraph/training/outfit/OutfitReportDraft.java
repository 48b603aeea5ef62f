package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ResourceUsage;

/**
 * What one {@link OutfitEvaluation} run has found so far, in the parts of its {@link OutfitEvaluationReport}; each
 * benchmark row and retrieval figure is printed as it is added.
 */
final class OutfitReportDraft {

    final Map<String, Object> data = new LinkedHashMap<>();
    final Map<String, String> parameters = new LinkedHashMap<>();
    final List<OutfitEvaluationReport.Epoch> epochs = new ArrayList<>();
    final Map<String, Double> timings = new LinkedHashMap<>();
    final List<String> anchors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final List<OutfitEvaluationReport.Result> results = new ArrayList<>();
    private final List<OutfitEvaluationReport.RetrievalRow> retrieval = new ArrayList<>();
    private final PrintStream out;

    OutfitReportDraft(PrintStream out) {
        this.out = out;
    }

    /** Adds a benchmark row and prints it: the benchmark, metric and count, then each model's figure. */
    void add(OutfitEvaluationReport.Result result) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s (%s, n=%d):", result.benchmark(),
                result.metric(), result.count()));
        result.scores().forEach((label, value) -> line.append(String.format(Locale.ROOT, " %s %.4f;", label,
                value)));
        out.println(line);
        results.add(result);
    }

    List<OutfitEvaluationReport.Result> results() {
        return results;
    }

    /**
     * Adds complete-the-look figures measured on {@code where} and prints each model's overall acc@k; the seed's
     * published row (the first) is not printed.
     */
    void add(String where, LookRetrievalEvaluator.Retrieval found) {
        data.put("complete-the-look pool (" + where + ")", found.pool());
        for (int r = 0; r < found.rows().size(); r++) {
            OutfitEvaluationReport.RetrievalRow row = found.rows().get(r);
            if (r > 0 && row.slot() == null) {
                out.printf(Locale.ROOT, "complete the look, %s: %s acc@k %s%n", row.pool(), row.model(),
                        row.accuracy());
            }
        }
        retrieval.addAll(found.rows());
    }

    /** Records the seconds since {@code startNanos} under {@code key}. */
    void time(String key, long startNanos) {
        timings.put(key, seconds(startNanos));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The report of the finished run, with the peaks of heap and resident memory since its start. */
    OutfitEvaluationReport report(String dataset, Provenance run) {
        return new OutfitEvaluationReport(dataset, run.command(), run.gitRevision(), run.startedAt(),
                run.finishedAt(), run.machine(), data, parameters, results, epochs, timings,
                ResourceUsage.peakHeapBytes(), ResourceUsage.peakRssBytes(), anchors, notes, retrieval);
    }
}
