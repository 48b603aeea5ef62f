package io.stylegraph.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.imports.ImportReport;
import org.junit.jupiter.api.Test;

class ImportReportWriterTest {

    @Test
    void shouldReportRowsReadBesideWhatTheStoreHoldsAndTheRateOverTheElapsedTime() {
        ImportReport report = new ImportReport("tiny", 30, 5, 10, 45, 0, 2, List.of(), Duration.ofMillis(2_500));

        Map<String, Object> json = ImportReportWriter.json("tiny", Path.of("/data/tiny"), "./stylegraph import x",
                report, 500, Map.of("graphUsers", 12L));
        String markdown = ImportReportWriter.markdown("tiny", json);

        assertEquals("import", json.get("benchmark"));
        assertEquals("/data/tiny", json.get("path"));
        assertEquals(2.5, json.get("seconds"));
        assertEquals(36L, json.get("rowsPerSecond"), "90 rows in 2.5 s");
        assertEquals(12L, json.get("graphUsers"));
        assertTrue(markdown.startsWith("# Import benchmark: tiny\n\nWritten by `./stylegraph import x` on "), markdown);
        assertTrue(markdown.contains("| interactions | 45 |\n| vectors | 0 |\n| rejected | 2 |\n"), markdown);
        assertTrue(markdown.contains("| graphUsers | 12 |\n| graphItems | null |"), markdown);
    }
}
