package io.stylegraph.training.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingScaleBenchmarkTest {

    @Test
    void shouldFitTheExponentOfAPowerLaw() {
        List<Map<String, Object>> rows = List.of(
                Map.of("likes", 1_000L, "epochSeconds", 2 * Math.pow(1_000, 1.5)),
                Map.of("likes", 10_000L, "epochSeconds", 2 * Math.pow(10_000, 1.5)),
                Map.of("likes", 100_000L, "epochSeconds", 2 * Math.pow(100_000, 1.5)));

        assertEquals(1.5, TrainingScaleBenchmark.exponent(rows, "epochSeconds"), 1e-9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMeasureEachSizePointOnAGeneratedCatalogueAndWriteTheTable(@TempDir Path work) throws Exception {
        TrainingScaleBenchmark.Settings settings = new TrainingScaleBenchmark.Settings(List.of(
                new TrainingScaleBenchmark.SizePoint(400, 120, 3_000),
                new TrainingScaleBenchmark.SizePoint(800, 240, 6_000)), 1, work, "freedom", 2, 50, 2, true,
                List.of(0, 1), true, 100);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Map<String, Object> report = new TrainingScaleBenchmark(settings, new PrintStream(log, true))
                .run("bench-training-scale --sizes 400:120:3000,800:240:6000");

        List<Map<String, Object>> points = (List<Map<String, Object>>) report.get("points");
        assertEquals(4, points.size());
        for (Map<String, Object> point : points) {
            long trainLikes = ((Number) point.get("trainLikes")).longValue();
            if ((int) point.get("maxBatchesPerEpoch") == 1) {
                assertEquals(trainLikes, (int) point.get("batchSize"));
                assertEquals(1, (int) point.get("batchesPerEpoch"));
            } else {
                assertEquals(2048, (int) point.get("batchSize"));
                assertEquals((trainLikes + 2047) / 2048, (int) point.get("batchesPerEpoch"));
            }
            int perEpoch = (int) point.get("batchesPerEpoch");
            int run = (int) point.get("batchesRun");
            assertEquals(Math.min(2, perEpoch), run);
            assertEquals((double) point.get("measuredSeconds") * perEpoch / run, (double) point.get("epochSeconds"),
                    1e-9);
            assertTrue((int) point.get("evaluationUsers") <= 50 && (int) point.get("evaluationUsers") > 0);
            assertEquals("exact", point.get("knnBuild"));
            assertTrue((double) point.get("objectLoadSeconds") > 0);
            assertTrue((double) point.get("knnSampledRecall") >= 0.99, "exact below the threshold");
        }
        Map<String, Object> exponents = (Map<String, Object>) report.get("epochSecondsExponents");
        assertEquals(List.of("0", "1"), List.copyOf(exponents.keySet()));
        assertTrue(Double.isFinite((double) exponents.get("0")) && Double.isFinite((double) exponents.get("1")));
        String markdown = TrainingScaleBenchmark.markdown(report);
        assertTrue(markdown.contains("| 800 | 240 | 6000 |"), markdown);
        assertTrue(markdown.contains("Batch bound 1: fitted growth seconds per epoch ∝ likes^"), markdown);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNotBuildAnItemGraphForAModelWithoutOne(@TempDir Path work) throws Exception {
        TrainingScaleBenchmark.Settings settings = new TrainingScaleBenchmark.Settings(List.of(
                new TrainingScaleBenchmark.SizePoint(400, 120, 3_000)), 1, work, "lightgcn", 2, 50, 2, true,
                List.of(0), false, 100);

        Map<String, Object> report = new TrainingScaleBenchmark(settings, new PrintStream(new ByteArrayOutputStream(),
                true)).run("bench-training-scale --model lightgcn --sizes 400:120:3000");

        Map<String, Object> point = ((List<Map<String, Object>>) report.get("points")).get(0);
        assertEquals("none (lightgcn)", point.get("knnBuild"));
        assertFalse(point.containsKey("knnSeconds"));
        assertTrue((double) point.get("epochSeconds") > 0);
        String markdown = TrainingScaleBenchmark.markdown(report);
        assertTrue(markdown.contains("| none (lightgcn) | — | — | 0 |"), markdown);
    }

    @Test
    void shouldRefuseAMalformedSizePoint() {
        assertThrows(IllegalArgumentException.class, () -> TrainingScaleBenchmark.SizePoint.parse("1000:20"));
    }
}
