package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextEncoderReportWriterTest {

    private static Map<String, Object> report(List<Map<String, Object>> precision) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "./stylegraph bench-text-encoder --texts 20");
        report.put("date", "2026-01-02T03:04:05Z");
        report.put("items", 20);
        report.put("seed", 7L);
        report.put("rounds", 1);
        report.put("textsPerCall", 8);
        report.put("reference", Map.of("encoder", "one per call", "workers", 2));
        report.put("batched", Map.of("encoder", "batched", "batch", 4, "intraOpThreads", 1, "maxTokens", 256));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", "titles");
        row.put("texts", 20);
        row.put("meanTokens", 6.5);
        row.put("referenceTextsPerSecond", 100.0);
        row.put("batchedTextsPerSecond", 400.0);
        row.put("ratio", 4.0);
        row.put("referenceTextsPerCpuSecond", 50.0);
        row.put("batchedTextsPerCpuSecond", 300.0);
        row.put("cpuRatio", 6.0);
        row.put("meanCosine", 0.9999995);
        row.put("minCosine", 1);
        row.put("referenceRounds", List.of(100.0));
        row.put("batchedRounds", List.of(400.0));
        report.put("workloads", List.of(row));
        report.put("precisionAt10", precision);
        report.put("environment", Map.of("cores", 2));
        Map<String, Double> load = new LinkedHashMap<>();
        load.put("start", 1.5);
        load.put("afterEncoders", 1.75);
        load.put("end", 2.0);
        report.put("loadAverage", load);
        return report;
    }

    @Test
    void shouldRenderEachWorkloadAsARowWithItsCosinesToSixPlaces() {
        String markdown = TextEncoderReportWriter.markdown(report(List.of()));

        assertTrue(markdown.contains("items drawn with seed 7;"), markdown);
        assertTrue(markdown.contains("| titles | 20 | 6.5 | 100.0 | 400.0 | 4.0× | 50.0 | 300.0 | 6.0× | 1.000000 | "
                + "1.000000 |"), markdown);
        assertTrue(markdown.contains("medians of 1 rounds"), markdown);
        assertTrue(markdown.contains("| load average (start / after encoders / end) | 1.5 / 1.75 / 2.0 |"), markdown);
        assertFalse(markdown.contains("Retrieval precision"), markdown);
    }

    @Test
    void shouldCompareThePrecisionOfBothEncodersWhenMeasured() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("modality", "text");
        row.put("aqe", true);
        row.put("dba", false);
        row.put("queries", 5);
        row.put("reference", List.of(0.5, 0.25, 0.125));
        row.put("batched", List.of(0.5, 0.2, 0.125));
        row.put("largestDifference", 0.05);

        String markdown = TextEncoderReportWriter.markdown(report(List.of(row)));

        assertTrue(markdown.contains("with 5 query items"), markdown);
        assertTrue(markdown.contains("| text | yes | no | 0.500 / 0.250 / 0.125 | 0.500 / 0.200 / 0.125 | 0.05 |"),
                markdown);
    }
}
