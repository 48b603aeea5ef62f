package io.stylegraph.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.stylegraph.training.outfit.DevFolds;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.TypeAwareModel;

import static io.stylegraph.training.outfit.DisjointRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateOutfitsCommandTest {

    private static final String[] COLOURS = {"red", "navy", "green", "yellow", "black", "white"};

    /** A miniature Maryland folder: named outfits of one colour each, category-only train and test outfits. */
    static void writeMaryland(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("categories.csv"),
                "id,name\n21,Tops\n27,Jeans\n4,Day Dresses\n43,Pumps\n37,Handbags\n999,Candles\n");
        Random random = new Random(1);
        StringBuilder valid = new StringBuilder();
        for (int o = 0; o < 40; o++) {
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            boolean dress = o % 3 == 0;
            List<String> items = new ArrayList<>();
            if (dress) {
                items.add(named(1, colour + " silk midi dress", 4));
            } else {
                items.add(named(1, colour + " cotton top", 21));
                items.add(named(2, colour + " skinny jeans", 27));
            }
            items.add(named(3, colour + " leather pumps", 43));
            items.add(named(4, o % 5 == 0 ? "" : colour + " tote bag", 37));
            if (o % 4 == 0) {
                items.add(named(5, "vanilla candle", 999));
            }
            valid.append("{\"set_id\":\"").append(300_000_000L + 7_919L * o).append("\",\"likes\":1,\"views\":2,")
                    .append("\"items\":[").append(String.join(",", items)).append("]}\n");
        }
        Files.writeString(folder.resolve("outfits-valid.jsonl"), valid);
        Files.writeString(folder.resolve("outfits-train-categories.jsonl"), categoryOnly(30, 100_000_000L));
        Files.writeString(folder.resolve("outfits-test-categories.jsonl"), categoryOnly(12, 200_000_000L));
    }

    private static String named(int index, String name, int category) {
        return "{\"index\":" + index + ",\"name\":\"" + name + "\",\"price\":null,\"likes\":3,\"category_id\":"
                + category + ",\"image_url\":\"http://example.invalid/x.jpg\"}";
    }

    private static String categoryOnly(int count, long firstSetId) {
        StringBuilder lines = new StringBuilder();
        for (int o = 0; o < count; o++) {
            String items = o % 2 == 0
                    ? "{\"index\":1,\"category_id\":21},{\"index\":2,\"category_id\":27},{\"index\":3,\"category_id\":43}"
                    : "{\"index\":1,\"category_id\":4},{\"index\":2,\"category_id\":43},{\"index\":4,\"category_id\":37}";
            lines.append("{\"set_id\":\"").append(firstSetId + o).append("\",\"items\":[").append(items).append("]}\n");
        }
        return lines.toString();
    }

    private static CommandResult run(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new EvaluateOutfitsCommand(new PrintStream(console, true,
                StandardCharsets.UTF_8)));
        StringWriter errors = new StringWriter();
        cli.setErr(new PrintWriter(errors));
        int exit = cli.execute(args);
        return new CommandResult(exit, console.toString(StandardCharsets.UTF_8) + errors);
    }

    private record CommandResult(int exit, String console) {
    }

    @Test
    void shouldTrainOnMiniatureMarylandAndWriteReportsWithARandomBaselineBesideEveryNumber(@TempDir Path dir)
            throws IOException {
        Path data = dir.resolve("data");
        writeMaryland(data.resolve("polyvore-maryland"));
        Path reports = dir.resolve("reports");
        Path model = dir.resolve("models/outfits.sgoutfit");

        CommandResult result = run("--dataset", "polyvore-maryland", "--datasets-dir", data.toString(), "--report-dir",
                reports.toString(), "--epochs", "2", "--seed", "5", "--model-out", model.toString());

        assertEquals(0, result.exit(), result.console());
        assertTrue(result.console().contains("[type-aware] epoch 2 loss"), result.console());
        assertTrue(result.console().contains("names/s"), result.console());
        assertTrue(Files.isRegularFile(model));
        JsonNode report = new ObjectMapper().readTree(reports.resolve("evaluate-outfits-polyvore-maryland.json")
                .toFile());
        assertEquals("polyvore-maryland", report.get("dataset").asText());
        assertEquals("5", report.get("parameters").get("seed").asText());
        assertEquals(2, report.get("epochs").size());
        assertNotEquals("", report.get("gitRevision").asText());
        assertTrue(report.get("command").asText().startsWith("./stylegraph evaluate-outfits --dataset"));
        List<String> benchmarks = new ArrayList<>();
        for (JsonNode r : report.get("results")) {
            benchmarks.add(r.get("benchmark").asText());
            assertTrue(r.get("scores").has("random scorer"), r.toString());
            assertTrue(r.get("scores").has("type-aware"), r.toString());
            assertTrue(r.get("scores").get("type-aware").isNumber(), r.toString());
            if (r.get("benchmark").asText().endsWith("held-out slice")) {
                assertTrue(r.get("scores").get("type-aware + co-occurrence, categories from text").isNumber(),
                        "the blend a catalogue could be served is measured beside the type-aware model: " + r);
            }
            assertEquals(r.get("metric").asText().startsWith("FITB") ? 0.25 : 0.5, r.get("chance").asDouble());
            assertTrue(r.get("count").asInt() > 0, r.toString());
        }
        assertTrue(benchmarks.contains("FITB, held-out slice"), benchmarks.toString());
        assertTrue(benchmarks.contains("AUC, held-out slice"), benchmarks.toString());
        assertTrue(benchmarks.contains("FITB, Maryland test split, categories only"), benchmarks.toString());
        assertTrue(report.get("timings").has("training seconds"));
        String markdown = Files.readString(reports.resolve("evaluate-outfits-polyvore-maryland.md"));
        assertTrue(markdown.contains("| FITB, held-out slice | FITB accuracy |"), markdown);
        assertTrue(markdown.contains("random scorer"), markdown);
        assertTrue(markdown.contains("| 25.0 % |"), markdown);
        assertTrue(markdown.contains("68.6 %"), markdown);
        JsonNode retrieval = report.get("retrieval");
        int heldOutItems = report.get("data").get("held-out items").asInt();
        int heldOutOutfits = report.get("data").get("held-out outfits").asInt();
        boolean seedRow = false;
        int allSlotRows = 0;
        for (JsonNode row : retrieval) {
            if (row.get("questions").isNull()) {
                seedRow = true;
                assertEquals(0.0884, row.get("accuracy").get("25").asDouble());
                continue;
            }
            if (row.get("slot").isNull()) {
                assertEquals(heldOutOutfits, row.get("questions").asInt(), "one question per held-out outfit");
            }
            for (String k : List.of("1", "5", "25", "100")) {
                double acc = row.get("accuracy").get(k).asDouble();
                assertTrue(acc >= 0 && acc <= 1, row.toString());
            }
            if (row.get("slot").isNull() && row.get("pool").asText().startsWith("all slots")) {
                allSlotRows++;
                assertTrue(row.get("pool").asText().contains("(" + heldOutItems + " items)"), row.toString());
                assertTrue(row.get("candidates").asDouble() < heldOutItems, row.toString());
                // fewer candidates than 100: every hidden item is in the top 100
                assertEquals(1.0, row.get("accuracy").get("100").asDouble(), 1e-9, row.toString());
            }
        }
        assertTrue(seedRow, retrieval.toString());
        int contenders = report.get("results").get(0).get("scores").size();
        assertEquals(contenders, allSlotRows, "every contender of the held-out slice ranks the pool");
        assertTrue(report.get("results").get(0).get("scores").has("type-aware + price band"));
        assertTrue(markdown.contains("### Complete-the-look retrieval"), markdown);
        assertTrue(markdown.contains("| acc@1 | acc@5 | acc@25 | acc@100 |"), markdown);
        assertTrue(markdown.contains("pool size unknown"), markdown);

        CommandResult other = run("--dataset", "polyvore-maryland", "--datasets-dir", data.toString(), "--report-dir",
                reports.toString(), "--model", model.toString(), "--outfits",
                data.resolve("polyvore-maryland/outfits-valid.jsonl").toString());

        assertEquals(0, other.exit(), other.console());
        JsonNode onFile = new ObjectMapper().readTree(reports
                .resolve("evaluate-outfits-polyvore-maryland-on-polyvore-maryland-outfits-valid.json").toFile());
        assertEquals(0, onFile.get("epochs").size(), "a loaded model is not trained again");
        assertEquals(model.toString(), onFile.get("parameters").get("model").asText());
        assertEquals(40, onFile.get("data").get("evaluated outfits").asInt());
        assertEquals("FITB, outfits-valid.jsonl", onFile.get("results").get(0).get("benchmark").asText());
    }

    @Test
    void shouldEvaluateMiniatureDisjointOutfitsOnTheirOwnPositiveAndNegativeFiles(@TempDir Path dir)
            throws IOException {
        Path folder = dir.resolve("data/polyvore-outfits-disjoint");
        Files.createDirectories(folder);
        StringBuilder items = new StringBuilder("[");
        for (int c = 0; c < 11; c++) {
            items.append(c == 0 ? "" : ",").append('[');
            for (int i = 0; i < 40; i++) {
                items.append(i == 0 ? "" : ",").append('"').append(c * 1000 + i).append('"');
            }
            items.append(']');
        }
        Files.writeString(folder.resolve("items.json"), items.append(']'));
        Random random = new Random(3);
        for (String split : List.of("train", "valid", "test")) {
            StringBuilder pos = new StringBuilder();
            StringBuilder neg = new StringBuilder();
            for (int o = 0; o < 20; o++) {
                int k = o % 10;
                pos.append(row(new int[] {10, 3, 8}, new int[] {k, k, k})).append('\n');
                neg.append(row(new int[] {10, 3, 8}, new int[] {k, random.nextInt(40), random.nextInt(40)}))
                        .append('\n');
            }
            Files.writeString(folder.resolve(split + "_pos"), pos);
            Files.writeString(folder.resolve(split + "_neg"), neg);
        }
        Path reports = dir.resolve("reports");

        CommandResult result = run("--dataset", "polyvore-outfits-disjoint", "--datasets-dir",
                dir.resolve("data").toString(), "--report-dir", reports.toString(), "--epochs", "3");

        assertEquals(0, result.exit(), result.console());
        JsonNode report = new ObjectMapper().readTree(
                reports.resolve("evaluate-outfits-polyvore-outfits-disjoint.json").toFile());
        JsonNode test = report.get("results").get(0);
        assertEquals("AUC, test_pos vs test_neg", test.get("benchmark").asText());
        assertEquals(0.5, test.get("chance").asDouble());
        assertTrue(test.get("scores").has("random scorer"));
        assertTrue(test.get("scores").has("co-occurrence (category + item PMI)"));
        // the same items recur in every split here, so item co-occurrence from train does carry over
        assertTrue(test.get("scores").get("co-occurrence (category + item PMI)").asDouble() > 0.8, test.toString());
        assertTrue(Files.readString(reports.resolve("evaluate-outfits-polyvore-outfits-disjoint.md"))
                .contains("0.86"));
    }


    @Test
    void shouldRejectAnUnknownDatasetAndOutfitsWithoutMaryland(@TempDir Path dir) {
        CommandResult unknown = run("--dataset", "polyvore-unknown", "--datasets-dir", dir.toString(), "--report-dir",
                dir.resolve("reports").toString());
        CommandResult outfitsOnDisjoint = run("--dataset", "polyvore-outfits-disjoint", "--datasets-dir",
                dir.toString(), "--report-dir", dir.resolve("reports").toString(), "--outfits",
                dir.resolve("x.jsonl").toString());

        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.console().contains("unknown dataset"), unknown.console());
        assertNotEquals(0, outfitsOnDisjoint.exit());
        assertTrue(outfitsOnDisjoint.console().contains("--outfits"), outfitsOnDisjoint.console());
        assertFalse(Files.exists(dir.resolve("reports")));
    }

    @Test
    void shouldMeasureAModelReadingItemTextsOnTheHeldOutSliceUnderAReportNameOfItsOwn(@TempDir Path dir)
            throws IOException {
        Path data = dir.resolve("data");
        writeMaryland(data.resolve("polyvore-maryland"));
        Path reports = dir.resolve("reports");
        Path model = dir.resolve("models/outfits.sgoutfit");

        CommandResult result = run("--dataset", "polyvore-maryland", "--datasets-dir", data.toString(), "--report-dir",
                reports.toString(), "--epochs", "1", "--seed", "5", "--text-input", "item-text", "--model-out",
                model.toString());

        assertEquals(0, result.exit(), result.console());
        assertFalse(Files.exists(reports.resolve("evaluate-outfits-polyvore-maryland.json")),
                "the names report is left as it is");
        JsonNode report = new ObjectMapper().readTree(reports.resolve(
                "evaluate-outfits-polyvore-maryland-item-text.json").toFile());
        assertEquals("item-text", report.get("parameters").get(NameText.PARAMETER).asText());
        assertTrue(report.get("data").get("text encoder").asText().contains("item-text"), report.toString());
        assertTrue(report.get("command").asText().contains("--text-input item-text"), report.toString());
        assertEquals(NameText.ITEM_TEXT, NameText.ofModel(TypeAwareModel.load(model).parameters()),
                "the saved model says which words it reads, as the service's do");

        CommandResult loadedAsNames = run("--dataset", "polyvore-maryland", "--datasets-dir", data.toString(),
                "--report-dir", dir.resolve("other").toString(), "--model", model.toString());
        assertNotEquals(0, loadedAsNames.exit(), "a model reading item texts is not measured on names");
        assertTrue(loadedAsNames.console().contains("reads item-text"), loadedAsNames.console());
    }

    @Test
    void shouldRunOnlyTheChosenDevFoldContendersAndPairItemTextsWithNames(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        writeMaryland(data.resolve("polyvore-maryland"));
        Path reports = dir.resolve("reports");

        CommandResult result = run("--dataset", "polyvore-maryland", "--datasets-dir", data.toString(), "--report-dir",
                reports.toString(), "--epochs", "1", "--dev-folds", "2", "--text-input", "item-text",
                "--contenders", "served-name,words-blend-16,no-blanks-words-blend");

        assertEquals(0, result.exit(), result.console());
        JsonNode report = new ObjectMapper().readTree(reports.resolve(
                "evaluate-outfits-polyvore-maryland-dev-folds.json").toFile());
        List<String> contenders = new ArrayList<>();
        for (JsonNode fold : report.get("folds")) {
            if (!contenders.contains(fold.get("contender").asText())) {
                contenders.add(fold.get("contender").asText());
            }
        }
        assertEquals(List.of(DevFolds.SERVED, DevFolds.SERVED_NAME, DevFolds.NO_BLANKS_WORDS,
                DevFolds.WITH_TEXT_CATEGORIES + " + word overlap x16"), contenders);
        assertEquals(2 * 4, report.get("folds").size(), "four contenders on each of two folds");
        for (JsonNode fold : report.get("folds")) {
            assertTrue(fold.get("outfits").asInt() > 0, fold.toString());
        }
    }

    @Test
    void shouldRefuseDevFoldContendersWithoutDevFoldsAndItemTextsOffMaryland(@TempDir Path dir) {
        CommandResult contenders = run("--dataset", "polyvore-maryland", "--datasets-dir", dir.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--contenders", "served-name");
        CommandResult unknown = run("--dataset", "polyvore-maryland", "--datasets-dir", dir.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--dev-folds", "2", "--contenders", "best");
        CommandResult namesBesideNames = run("--dataset", "polyvore-maryland", "--datasets-dir", dir.toString(),
                "--report-dir", dir.resolve("reports").toString(), "--dev-folds", "2", "--contenders",
                "served-name");
        CommandResult itemTextsOnDisjoint = run("--dataset", "polyvore-outfits-disjoint", "--datasets-dir",
                dir.toString(), "--report-dir", dir.resolve("reports").toString(), "--text-input", "item-text");

        assertNotEquals(0, contenders.exit());
        assertTrue(contenders.console().contains("use them with --dev-folds"), contenders.console());
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.console().contains("not 'best'"), unknown.console());
        assertNotEquals(0, namesBesideNames.exit());
        assertTrue(namesBesideNames.console().contains("served-name"), namesBesideNames.console());
        assertNotEquals(0, itemTextsOnDisjoint.exit());
        assertTrue(itemTextsOnDisjoint.console().contains("--text-input item-text"), itemTextsOnDisjoint.console());
        assertFalse(Files.exists(dir.resolve("reports")));
    }
}
