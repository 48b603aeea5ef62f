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
    }
}
