package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text encoder benchmark as a library: its report, its medians and how it sets two precision runs side by side. */
class TextEncoderBenchmarkTest {

    @TempDir
    Path work;

    private Path catalogue() throws IOException {
        Path folder = Files.createDirectories(work.resolve("fashion-products"));
        StringBuilder csv = new StringBuilder(
                "id,title,gender,master_category,sub_category,article_type,base_colour,season,year,usage\n");
        String[] types = {"Tshirts", "Jeans", "Watches"};
        String[] colours = {"Navy Blue", "Black", "White", "Red"};
        for (int i = 0; i < 12; i++) {
            csv.append(500 + i).append(",Roadster Men ").append(colours[i % 4]).append(' ').append(types[i % 3])
                    .append(",Men,Apparel,Topwear,").append(types[i % 3]).append(',').append(colours[i % 4])
                    .append(",Summer,2012,Casual\n");
        }
        Files.writeString(folder.resolve("items.csv"), csv);
        return folder;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportBothEncodersOnTheSampleWithTheCommandThatRanIt() throws IOException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Map<String, Object> report = TextEncoderBenchmark.run(new TextEncoderBenchmark.Settings(catalogue(), 10, 2, 4,
                        3, 1, 7), "./stylegraph bench-text-encoder --texts 10", null,
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertEquals("./stylegraph bench-text-encoder --texts 10", report.get("command"));
        assertEquals(10, report.get("items"));
        assertEquals(4, report.get("textsPerCall"));
        assertEquals(7L, report.get("seed"));
        assertEquals(List.of(), report.get("precisionAt10"));
        assertEquals(List.of("start", "afterEncoders", "end"),
                List.copyOf(((Map<String, Double>) report.get("loadAverage")).keySet()));
        assertTrue(((Map<String, Object>) report.get("environment")).size() > 0);
        List<Map<String, Object>> workloads = (List<Map<String, Object>>) report.get("workloads");
        assertEquals(2, workloads.size());
        for (Map<String, Object> workload : workloads) {
            assertEquals(2, ((List<?>) workload.get("batchedRounds")).size());
            assertTrue((double) workload.get("minCosine") >= 0.999, workload.toString());
        }
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("titles, round 2/2"));
    }

    @Test
    void shouldRefuseAnEmptySampleOrNoRounds() {
        assertThrows(IllegalArgumentException.class,
                () -> new TextEncoderBenchmark.Settings(work, 0, 1, 4, 3, 1, 7));
        assertThrows(IllegalArgumentException.class,
                () -> new TextEncoderBenchmark.Settings(work, 10, 0, 4, 3, 1, 7));
    }

    @Test
    void shouldTakeTheMiddleRoundOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(200.0, EncoderWorkload.median(List.of(310.0, 120.0, 200.0)));
        assertEquals(150.0, EncoderWorkload.median(List.of(100.0, 400.0, 200.0, 90.0)));
    }

    @Test
    void shouldSetTheTextAndHybridRowsOfBothRunsSideBySide() {
        List<PrecisionRow> reference = List.of(
                new PrecisionRow("visual", false, false, 50, 0.5, 0.4, 0.3, 0.001),
                new PrecisionRow("text", false, false, 50, 0.8, 0.6, 0.5, 0.001),
                new PrecisionRow("hybrid", true, true, 50, 0.7, 0.65, 0.45, 0.002));
        List<PrecisionRow> batched = List.of(
                new PrecisionRow("visual", false, false, 50, 0.5, 0.4, 0.3, 0.001),
                new PrecisionRow("text", false, false, 50, 0.79, 0.62, 0.5, 0.001),
                new PrecisionRow("hybrid", true, true, 50, 0.7, 0.65, 0.45, 0.002));

        List<Map<String, Object>> rows = TextEncoderBenchmark.compare(reference, batched);

        assertEquals(List.of("text", "hybrid"), rows.stream().map(row -> row.get("modality")).toList());
        assertEquals(List.of(0.8, 0.6, 0.5), rows.get(0).get("reference"));
        assertEquals(List.of(0.79, 0.62, 0.5), rows.get(0).get("batched"));
        assertEquals(0.02, rows.get(0).get("largestDifference"));
        assertEquals(0.0, rows.get(1).get("largestDifference"));
        assertEquals(true, rows.get(1).get("aqe"));
    }
}
