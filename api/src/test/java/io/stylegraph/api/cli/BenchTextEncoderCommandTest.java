package io.stylegraph.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stylegraph bench-text-encoder} on a small fashion-products folder: the report it writes. */
class BenchTextEncoderCommandTest {
    private static final String[] TYPES = {"Tshirts", "Jeans", "Casual Shoes", "Watches", "Kurtas"};
    private static final String[] COLOURS = {"Navy Blue", "Black", "White", "Red"};
    private static final String[] BRANDS = {"Puma", "Levis", "Fabindia", "Titan", "Roadster", "Nike"};

    @TempDir
    Path work;

    private Path catalogue(int rows) throws IOException {
        Path folder = Files.createDirectories(work.resolve("data").resolve("fashion-products"));
        StringBuilder csv = new StringBuilder(
                "id,title,gender,master_category,sub_category,article_type,base_colour,season,year,usage\n");
        for (int i = 0; i < rows; i++) {
            String type = TYPES[i % TYPES.length];
            String colour = COLOURS[i % COLOURS.length];
            String title = BRANDS[i % BRANDS.length] + (i % 2 == 0 ? " Men " : " Women ") + colour + " "
                    + (i % 3 == 0 ? "Printed " : "Solid ") + type;
            csv.append(1000 + i).append(',').append(title).append(',').append(i % 2 == 0 ? "Men" : "Women")
                    .append(",Apparel,Topwear,").append(type).append(',').append(colour).append(",Summer,2012,Casual\n");
        }
        Files.writeString(folder.resolve("items.csv"), csv);
        return folder.getParent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteTheSpeedAndAgreementOfBothEncodersOnTheSampledTexts() throws IOException {
        Path datasets = catalogue(30);
        Path reports = work.resolve("reports");
        int exit = new CommandLine(new StylegraphCommand()).execute("bench-text-encoder", "--datasets-dir",
                datasets.toString(), "--texts", "20", "--rounds", "1", "--call-size", "8", "--batch", "4",
                "--threads", "1", "--retrieval-queries", "0", "--report", reports.toString());
        assertEquals(0, exit);

        Map<String, Object> report = new ObjectMapper().readValue(
                reports.resolve("text-encoder-fashion-products.json").toFile(), Map.class);
        assertEquals(20, report.get("items"));
        assertEquals(8, report.get("textsPerCall"));
        assertEquals("all-MiniLM-L6-v2", report.get("model"));
        Map<String, Object> batched = (Map<String, Object>) report.get("batched");
        assertEquals(4, batched.get("batch"));
        assertEquals(1, batched.get("intraOpThreads"));
        List<Map<String, Object>> workloads = (List<Map<String, Object>>) report.get("workloads");
        assertEquals(List.of("item texts", "titles"), workloads.stream().map(w -> w.get("workload")).toList());
        for (Map<String, Object> workload : workloads) {
            assertEquals(20, workload.get("texts"));
            assertEquals(1, ((List<?>) workload.get("referenceRounds")).size());
            assertEquals(1, ((List<?>) workload.get("batchedRounds")).size());
            assertTrue(((Number) workload.get("minCosine")).doubleValue() >= 0.999, workload.toString());
            assertTrue(((Number) workload.get("meanTokens")).doubleValue() > 3, workload.toString());
            assertTrue(((Number) workload.get("batchedTextsPerCpuSecond")).doubleValue() > 0, workload.toString());
        }
        // titles alone are shorter than title + category + colour
        assertTrue(((Number) workloads.get(0).get("meanTokens")).doubleValue()
                > ((Number) workloads.get(1).get("meanTokens")).doubleValue());
        assertEquals(List.of(), report.get("precisionAt10"));

        String markdown = Files.readString(reports.resolve("text-encoder-fashion-products.md"));
        assertTrue(markdown.contains("| item texts | 20 |"), markdown);
        assertTrue(markdown.contains("shared and noisy"), markdown);
        assertFalse(markdown.contains("Retrieval precision"), "no retrieval section when it is skipped");
    }

    @Test
    void shouldExitWithTwoWhenTheDatasetIsMissing() {
        int exit = new CommandLine(new StylegraphCommand()).execute("bench-text-encoder", "--datasets-dir",
                work.resolve("nowhere").toString(), "--report", work.resolve("reports").toString());
        assertEquals(2, exit);
        assertFalse(Files.exists(work.resolve("reports")));
    }
}
