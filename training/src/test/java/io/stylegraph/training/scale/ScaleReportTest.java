package io.stylegraph.training.scale;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.training.report.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleReportTest {

    private static Path pointFolder(Path root, String text) throws Exception {
        Path folder = Files.createDirectories(root.resolve("point-" + text.hashCode()));
        Files.writeString(folder.resolve("measurements.properties"), text);
        return folder;
    }

    private static final String SMALL = """
            items=23000
            users=10000
            likes=278000
            gitRevision=abc1234
            importSeconds=20
            importInteractions=300000
            importRowsPerSecond=1500
            importPeakHeapMib=900
            importPeakRssMib=1400
            trainLikes=214000
            epochSeconds=10
            knnSeconds=30
            storeMib=210
            recommendationsP50Ms=3.1
            recommendationsP99Ms=4.5
            """;

    // ten times the size: import per like flat (exponent 1), epoch grows as likes^1.5; training did not finish
    private static final String LARGE = """
            items=230000
            users=100000
            likes=2800000
            gitRevision=abc1234
            importSeconds=200
            importInteractions=3000000
            importRowsPerSecond=1500
            trainLikes=2140000
            epochSeconds=%s
            storeMib=2100
            """.formatted(10 * Math.pow(10, 1.5));

    @Test
    void shouldReadAPointsMeasurementsAsNumbersAndKeepTheRevisionAsText(@TempDir Path root) throws Exception {
        ScalePoint point = ScalePoint.read(pointFolder(root, SMALL + "importSeconds=25\n"));

        assertEquals(23_000, point.items());
        assertEquals(278_000, point.likes());
        assertEquals(25.0, point.figure("importSeconds"), "a resumed stage's later value wins");
        assertEquals("abc1234", point.texts().get("gitRevision"));
        assertEquals(214_000, point.size("trainLikes"));
        assertEquals(null, point.figure("itemGraphSeconds"));
    }

    @Test
    void shouldRefuseAPointWithoutItsSize() {
        Properties properties = new Properties();
        properties.setProperty("items", "10");
        properties.setProperty("likes", "100");

        assertThrows(IllegalArgumentException.class, () -> ScalePoint.of(properties));
    }

    @Test
    void shouldJudgeEachFittedCostAgainstItsTarget(@TempDir Path root) throws Exception {
        List<ScalePoint> points = List.of(ScalePoint.read(pointFolder(root, SMALL)),
                ScalePoint.read(pointFolder(root, LARGE)));
        ScaleCost imports = ScaleCost.ALL.stream().filter(c -> c.key().equals("importSeconds")).findFirst().orElseThrow();
        ScaleCost epochs = ScaleCost.ALL.stream().filter(c -> c.key().equals("epochSeconds")).findFirst().orElseThrow();
        ScaleCost knn = ScaleCost.ALL.stream().filter(c -> c.key().equals("knnSeconds")).findFirst().orElseThrow();

        assertEquals(1.0, imports.fit(points).orElseThrow().exponent(), 1e-9);
        assertEquals("met", imports.status(imports.fit(points)));
        assertEquals(1.5, epochs.fit(points).orElseThrow().exponent(), 0.01);
        assertEquals("missed by 0.40", epochs.status(epochs.fit(points)));
        assertTrue(knn.fit(points).isEmpty());
        assertEquals("fewer than two measured sizes, no fit", knn.status(knn.fit(points)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteTheMarkdownTheJsonAndAPlotThatReadsBack(@TempDir Path root) throws Exception {
        List<ScalePoint> points = List.of(ScalePoint.read(pointFolder(root, SMALL)),
                ScalePoint.read(pointFolder(root, LARGE)));
        Path reports = root.resolve("reports");

        Path markdown = new ScaleReport("test", Provenance.start("bench/scale.sh test").finish(), points)
                .write(reports);

        String md = Files.readString(markdown);
        assertEquals(reports.resolve("scale-test.md"), markdown);
        assertTrue(md.startsWith("# Scale benchmark: test\n"));
        assertTrue(md.contains("Written by `bench/scale.sh test`"));
        assertTrue(md.contains("| 23000 | 10000 | 278000 |"), md);
        assertTrue(md.contains("| 3.1 / 4.5 |"), "recommendations p50 / p99 at 23k: " + md);
        assertTrue(md.contains("| 900 / 1400 |"), "import peak heap / RSS: " + md);
        assertTrue(md.contains("| training epoch | trainLikes | 1.50 | 2 | ≤ 1.1 | missed by 0.40 |"), md);
        assertTrue(md.contains("![cost per size point, log–log](scale-test.png)"));
        assertFalse(md.contains("null"), md);

        Map<String, Object> json = new ObjectMapper().readValue(reports.resolve("scale-test.json").toFile(), Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("points");
        assertEquals(2, rows.size());
        assertEquals(4.5, rows.get(0).get("recommendationsP99Ms"));
        assertFalse(rows.get(1).containsKey("recommendationsP99Ms"), "not measured is left out, not zero");
        assertEquals("scale-test.png", json.get("chart"));

        BufferedImage plot = ImageIO.read(reports.resolve("scale-test.png").toFile());
        assertNotNull(plot, "the PNG reads back");
        assertEquals(ScaleChart.WIDTH, plot.getWidth());
        assertEquals(ScaleChart.HEIGHT, plot.getHeight());
        assertTrue(hasColouredPixels(plot), "points and lines were drawn, not a blank image");
    }

    @Test
    void shouldSpanWholeDecadesAroundTheValues() {
        double[] range = ScaleChart.range(new double[] {23_000, 2_800_000});

        assertEquals(10_000, range[0], 1e-9);
        assertEquals(10_000_000, range[1], 1e-6);
        assertEquals(100, ScaleChart.range(new double[] {100})[0], 1e-9);
        assertEquals(1000, ScaleChart.range(new double[] {100})[1], 1e-9);
    }

    private static boolean hasColouredPixels(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    return true;
                }
            }
        }
        return false;
    }
}
