package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.stylegraph.training.search.SearchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalBenchmarkTest {

    /**
     * Twelve products: six t-shirts (three blue, three red) and six jeans (three black, three blue), each with a
     * photo in its colour.
     */
    private static Path catalogue(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fashion-products"));
        Path images = Files.createDirectories(folder.resolve("images"));
        StringBuilder csv = new StringBuilder("id,title,gender,master_category,sub_category,article_type,base_colour,"
                + "season,year,usage\n");
        String[][] kinds = {{"Tshirts", "Blue"}, {"Tshirts", "Red"}, {"Jeans", "Black"}, {"Jeans", "Blue"}};
        int id = 100;
        for (String[] kind : kinds) {
            for (int i = 0; i < 3; i++, id++) {
                String sub = kind[0].equals("Jeans") ? "Bottomwear" : "Topwear";
                csv.append(id).append(",Men ").append(kind[1]).append(' ').append(kind[0]).append(' ').append(i)
                        .append(",Men,Apparel,").append(sub).append(',').append(kind[0]).append(',').append(kind[1])
                        .append(",Summer,2012,Casual\n");
                BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, 60, 80);
                g.setColor(switch (kind[1]) {
                    case "Blue" -> new Color(30, 50, 180 + 10 * i);
                    case "Red" -> new Color(200 + 10 * i, 30, 30);
                    default -> new Color(10 * i, 10 * i, 10 * i);
                });
                g.fillRect(15, kind[0].equals("Jeans") ? 30 : 10, 30, 40);
                g.dispose();
                ImageIO.write(image, "jpg", images.resolve(id + ".jpg").toFile());
            }
        }
        Files.writeString(folder.resolve("items.csv"), csv);
        return folder;
    }

    @Test
    void shouldMeasureEveryModalityBesideTheExactRandomBaselineAndNameTheRun(@TempDir Path dir) throws Exception {
        Path folder = catalogue(dir);
        Path cache = dir.resolve("vectors");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RetrievalBenchmark.Settings settings = new RetrievalBenchmark.Settings(folder, 0, 5, 4, 42, null, cache,
                false);

        RetrievalReport report = RetrievalBenchmark.run(settings, "./stylegraph evaluate-retrieval --queries 5",
                new PrintStream(console, true, StandardCharsets.UTF_8));

        assertEquals("retrieval", report.benchmark());
        assertEquals("fashion-products", report.dataset());
        assertEquals(folder.toString(), report.path());
        assertEquals("./stylegraph evaluate-retrieval --queries 5", report.command());
        assertEquals(12, report.items());
        assertEquals(12, report.itemsWithVisual());
        assertEquals(12, report.itemsWithText());
        assertEquals(5, report.queries());
        assertEquals(10, report.k());
        assertEquals(42, report.seed());
        assertEquals(4, report.encoders().image().sampleImages());
        assertEquals(4, report.encoders().text().sampleTexts());
        assertTrue(report.encoders().image().fullCatalogueImagesPerSecond() > 0, "embedded, not cached");
        SearchSettings config = SearchSettings.DEFAULT;
        assertEquals(new RetrievalReport.Settings(config.shortlist(), config.hybridVisualWeight(), config.aqeDepth(),
                config.dba().neighbours(), config.hnsw().threshold()), report.settings());

        // 3 search modalities x (none, AQE, DBA, both), then the random baseline
        assertEquals(13, report.precisionAt10().size());
        PrecisionRow random = report.precisionAt10().get(12);
        assertEquals("random", random.modality());
        // every query's article type has 5 other items of 11; its colour 5 (blue) or 2; type and colour together 2
        assertEquals(5 / 11.0, random.articleType(), 1e-12);
        assertEquals(2 / 11.0, random.both(), 1e-12);
        assertEquals(8, report.latency().size());
        report.latency().forEach(row -> assertEquals(5, row.queries(), row.query()));
        assertEquals(List.of("visual", "text"), report.hnsw().stream().map(HnswRow::modality)
                .toList());
        report.hnsw().forEach(row -> assertEquals(12, row.items()));
        assertEquals(List.of("start", "beforeLatency", "end"), List.copyOf(report.loadAverage().keySet()));
        assertEquals(Runtime.getRuntime().availableProcessors(), report.environment().get("cores"));
        assertTrue(Files.list(cache).count() == 2, "one vector file per modality");

        RetrievalReport again = RetrievalBenchmark.run(new RetrievalBenchmark.Settings(folder, 0, 5, 4, 42, null,
                cache, true), "again", new PrintStream(console, true, StandardCharsets.UTF_8));

        assertNull(again.encoders().image().fullCatalogueImagesPerSecond(), "vectors read from the cache");
        assertNull(again.encoders().text().fullCatalogueTextsPerSecond());
        assertEquals(List.of(), again.hnsw());
        assertEquals(report.precisionAt10().get(12), again.precisionAt10().get(12));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Using visual vectors from "));
    }
}
