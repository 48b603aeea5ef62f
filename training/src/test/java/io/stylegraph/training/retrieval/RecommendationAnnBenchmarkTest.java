package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.training.index.HnswSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationAnnBenchmarkTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Path directory) throws Exception {
        Map<String, Object> report = new ObjectMapper().readValue(
                directory.resolve(RecommendationAnnBenchmark.NAME + ".json").toFile(), Map.class);
        return (List<Map<String, Object>>) report.get("rows");
    }

    /** Below ef the graph search reaches every item, so the ANN lists are the exact ones. */
    @Test
    void shouldMeasureEachSizeAndFilterAndMergeRunsMadeSideBySide(@TempDir Path folder) throws Exception {
        Path small = folder.resolve("small");
        Path other = folder.resolve("other");
        RecommendationAnnBenchmark.run(small, new int[] {300}, 5, 1, "small run");
        RecommendationAnnBenchmark.run(other, new int[] {400}, 5, 1, new HnswSettings(0, 8, 40, 400), "other run");

        List<Map<String, Object>> measured = rows(small);
        assertEquals(List.of("none", "one slot of six", "one slot of six, no list", "half (listed)"), measured.stream().map(row -> row.get("filter")).toList());
        for (Map<String, Object> row : measured) {
            assertEquals(300, row.get("items"));
            assertEquals(1.0, ((Number) row.get("recallAt20")).doubleValue());
            assertEquals(16, row.get("m"));
        }

        Path merged = folder.resolve("merged");
        RecommendationAnnBenchmark.merge(merged, List.of(small.resolve(RecommendationAnnBenchmark.NAME + ".json"),
                other.resolve(RecommendationAnnBenchmark.NAME + ".json")));
        List<Map<String, Object>> both = rows(merged);
        assertEquals(List.of(300, 300, 300, 300, 400, 400, 400, 400), both.stream().map(row -> row.get("items")).toList());
        assertEquals(8, both.get(7).get("m"));
        String markdown = Files.readString(merged.resolve(RecommendationAnnBenchmark.NAME + ".md"));
        assertTrue(markdown.contains("Written by `small run`") && markdown.contains("Written by `other run`"),
                markdown);
        assertTrue(markdown.contains("| 400 | one slot of six | 1.0 |"), markdown);
        assertTrue(((Number) both.get(0).get("buildCpuSeconds")).doubleValue() > 0, "the build's CPU time");
        assertTrue(markdown.contains("Build CPU time grows as items^"), markdown);
    }

    @Test
    void shouldFitTheBuildCostsGrowthAsTheSlopeOfLogCpuTimeOnLogItems() {
        List<Map<String, Object>> rows = List.of(Map.of("items", 1000, "buildCpuSeconds", 2.0),
                Map.of("items", 1000, "buildCpuSeconds", 2.0), Map.of("items", 10_000, "buildCpuSeconds", 40.0),
                Map.of("items", 100_000, "buildCpuSeconds", 200.0));

        // one point per size (the repeated size counts once): the middle point sits on the mean of log items, so
        // the slope is (log 200 - log 2) / (log 100,000 - log 1,000) = 2 / 2
        assertEquals(1.0, RecommendationAnnBenchmark.fittedExponent(rows).orElseThrow(), 1e-9);
        assertTrue(RecommendationAnnBenchmark.fittedExponent(rows.subList(0, 2)).isEmpty(), "one size only");
    }
}
