package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.training.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed retrieval report was written by this writer: read back from its JSON it renders the same JSON and
 * the same Markdown, above the reading written by hand after the run.
 */
class RetrievalReportWriterTest {

    private static final Path REPORTS = Path.of("..", "reports");

    @Test
    void shouldRenderTheCommittedRetrievalReportAsCommitted(@TempDir Path dir) throws Exception {
        RetrievalReport report = new ObjectMapper().readValue(
                REPORTS.resolve(RetrievalReportWriter.NAME + ".json").toFile(), RetrievalReport.class);

        Path[] written = RetrievalReportWriter.write(report, dir);

        assertEquals(dir.resolve("retrieval-fashion-products.json"), written[0]);
        assertEquals(dir.resolve("retrieval-fashion-products.md"), written[1]);
        assertEquals(Files.readString(REPORTS.resolve("retrieval-fashion-products.json")), Files.readString(written[0]));
        String committed = Files.readString(REPORTS.resolve("retrieval-fashion-products.md"));
        assertTrue(committed.startsWith(Files.readString(written[1]) + "\n## Reading (written by hand after the run)"),
                Files.readString(written[1]));
        assertEquals(Files.readString(written[0]), ReportFiles.json(report));
    }
}
