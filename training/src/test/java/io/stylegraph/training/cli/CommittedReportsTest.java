package io.stylegraph.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.training.experiment.EvaluationReport;
import io.stylegraph.training.experiment.ReportWriter;
import io.stylegraph.training.outfit.DevFolds;
import io.stylegraph.training.outfit.OutfitEvaluationReport;
import io.stylegraph.training.regions.RegionReport;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.retrieval.RecommendationAnnBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reports under {@code reports/} were written by these writers: read back from their JSON, each renders to the
 * committed JSON and Markdown again, so a change to the writers that would change a report shows here.
 */
class CommittedReportsTest {

    private static final Path REPORTS = Path.of("..", "reports");

    private static String committed(String file) throws Exception {
        return Files.readString(REPORTS.resolve(file));
    }

    /** An outfit report may have a reading written by hand below what the command wrote. */
    @ParameterizedTest
    @ValueSource(strings = {"evaluate-outfits-polyvore-maryland", "evaluate-outfits-polyvore-maryland-dev",
            "evaluate-outfits-polyvore-maryland-item-text", "evaluate-outfits-polyvore-maryland-item-text-context",
            "evaluate-outfits-polyvore-outfits-disjoint"})
    void shouldRenderACommittedOutfitReportAsCommitted(String name) throws Exception {
        OutfitEvaluationReport report = new ObjectMapper().readValue(REPORTS.resolve(name + ".json").toFile(),
                OutfitEvaluationReport.class);

        assertEquals(committed(name + ".json"), ReportFiles.json(report));
        String markdown = OutfitReportWriter.markdown(report);
        String md = committed(name + ".md");
        assertTrue(md.equals(markdown) || md.startsWith(markdown + "\n## Reading (written by hand after the run)"),
                "the command's Markdown, then at most a reading written by hand");
    }

    /** A k-fold dev report of the outfit models, with its reading written by hand below what the command wrote. */
    @ParameterizedTest
    @ValueSource(strings = {"evaluate-outfits-polyvore-maryland-dev-folds-text-input",
            "evaluate-outfits-polyvore-maryland-dev-folds-text-categories",
            "evaluate-outfits-polyvore-maryland-dev-folds-text-categories-names",
            "evaluate-outfits-polyvore-maryland-dev-folds-context"})
    void shouldRenderACommittedDevFoldsReportAsCommitted(String name) throws Exception {
        DevFolds.Report report = new ObjectMapper().readValue(REPORTS.resolve(name + ".json").toFile(),
                DevFolds.Report.class);

        assertEquals(committed(name + ".json"), ReportFiles.json(report));
        String markdown = DevFoldsReportWriter.markdown(report);
        assertTrue(committed(name + ".md").startsWith(markdown + "\n## Reading (written by hand after the run)"),
                markdown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"regions-clothing-co-parsing"})
    void shouldRenderACommittedRegionReportAsCommitted(String name) throws Exception {
        RegionReport report = new ObjectMapper().readValue(REPORTS.resolve(name + ".json").toFile(),
                RegionReport.class);

        assertEquals(committed(name + ".json"), ReportFiles.json(report));
        assertEquals(committed(name + ".md"), RegionReportWriter.markdown(report));
    }

    /** This report has a reading written by hand below what the command wrote. */
    @ParameterizedTest
    @ValueSource(strings = {"evaluate-amazon-clothing-cold-users", "evaluate-amazon-clothing",
            "evaluate-amazon-clothing-shuffled"})
    void shouldRenderACommittedRecommenderReportAsCommitted(String name) throws Exception {
        EvaluationReport report = new ObjectMapper().readValue(REPORTS.resolve(name + ".json").toFile(),
                EvaluationReport.class);

        assertEquals(committed(name + ".json"), ReportFiles.json(report));
        String markdown = ReportWriter.markdown(report);
        assertTrue(committed(name + ".md").startsWith(markdown + "\n## Reading (written by hand after the run)"),
                markdown);
    }

    /** The scale report of the served recommendations' item graph, written back from its own JSON. */
    @Test
    void shouldRenderTheCommittedRecommendationScaleReportAsCommitted(@TempDir Path folder) throws Exception {
        String name = "scale-recommendations-ann";
        RecommendationAnnBenchmark.rewrite(folder, REPORTS.resolve(name + ".json"));

        assertEquals(committed(name + ".json"), Files.readString(folder.resolve(name + ".json")));
        String md = committed(name + ".md");
        String markdown = Files.readString(folder.resolve(name + ".md"));
        assertTrue(md.equals(markdown) || md.startsWith(markdown + "\n## Reading (written by hand after the run)"),
                "the command's Markdown, then at most a reading written by hand");
    }
}
