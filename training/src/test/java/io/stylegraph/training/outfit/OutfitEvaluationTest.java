package io.stylegraph.training.outfit;

import static io.stylegraph.training.outfit.DisjointRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutfitEvaluationTest {

    private static final long BENCHMARK_SEED = 11;

    /**
     * Ten outfits (a coat, a top and shoes of item k each), every one twice in each split; each negative keeps the
     * outfit's first item and categories but takes items 20..39, which no positive outfit holds.
     */
    private static Path disjointFolder(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(OutfitEvaluation.DISJOINT));
        StringBuilder items = new StringBuilder("[");
        for (int c = 0; c < 11; c++) {
            items.append(c == 0 ? "" : ",").append('[');
            for (int i = 0; i < 40; i++) {
                items.append(i == 0 ? "" : ",").append('"').append(c * 1000 + i).append('"');
            }
            items.append(']');
        }
        Files.writeString(folder.resolve("items.json"), items.append(']'));
        for (String split : List.of("train", "valid", "test")) {
            StringBuilder pos = new StringBuilder();
            StringBuilder neg = new StringBuilder();
            for (int o = 0; o < 20; o++) {
                int k = o % 10;
                pos.append(row(new int[] {10, 3, 8}, new int[] {k, k, k})).append('\n');
                neg.append(row(new int[] {10, 3, 8}, new int[] {k, 20 + k, 30 + k})).append('\n');
            }
            Files.writeString(folder.resolve(split + "_pos"), pos);
            Files.writeString(folder.resolve(split + "_neg"), neg);
        }
        return folder;
    }

    private static OutfitEvaluation.Settings disjoint(Path datasets, Path modelOut) {
        return new OutfitEvaluation.Settings(OutfitEvaluation.DISJOINT, datasets, null, null, modelOut, 5,
                BENCHMARK_SEED, new OutfitEvaluation.Tuning(2, 8, null, null, null, null, null, null, null, null),
                MarylandData.Holdout.TEST, null);
    }

    @Test
    void shouldMeasureEveryModelOnTheDisjointFilesAndCarryTheRunsProvenance(@TempDir Path dir) throws Exception {
        Path folder = disjointFolder(dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        OutfitEvaluationReport report = OutfitEvaluation.run(disjoint(dir, null), "./stylegraph evaluate-outfits x",
                new PrintStream(console, true, StandardCharsets.UTF_8));

        assertEquals(OutfitEvaluation.DISJOINT, report.dataset());
        assertEquals("./stylegraph evaluate-outfits x", report.command());
        assertTrue(report.startedAt().compareTo(report.finishedAt()) <= 0, report.startedAt());
        assertEquals(Runtime.getRuntime().availableProcessors(), report.machine().cores());
        assertEquals(Map.of(
                "training outfits (train_pos)", 20,
                "valid outfits (valid_pos / valid_neg)", "20 / 20",
                "test outfits (test_pos / test_neg)", "20 / 20",
                "test item occurrences whose item occurs in train_pos", "60 of 60 (100.00 %)",
                "valid item occurrences whose item occurs in train_pos", "60 of 60 (100.00 %)",
                "test rows whose negative has the positive's category sequence", "20 of 20"), report.data());
        assertEquals(List.of("AUC, test_pos vs test_neg", "AUC, valid_pos vs valid_neg",
                        "AUC, train_pos vs train_neg (fit, not generalization)"),
                report.results().stream().map(OutfitEvaluationReport.Result::benchmark).toList());
        List<OutfitRecord> positives = DisjointData.read(folder.resolve("test_pos"), DisjointData.itemIds(folder));
        List<OutfitRecord> negatives = DisjointData.read(folder.resolve("test_neg"), DisjointData.itemIds(folder));
        double chanceMeasured = OutfitBenchmark.auc(new RandomCompatibility(BENCHMARK_SEED), positives, negatives);
        for (OutfitEvaluationReport.Result result : report.results()) {
            assertEquals(20, result.count());
            assertEquals(0.5, result.chance());
            assertEquals(List.of("type-aware (category + item embeddings)", "co-occurrence (category + item PMI)",
                    "random scorer"), List.copyOf(result.scores().keySet()));
            // the positives are the training outfits and the negatives' items are unseen: item PMI separates all
            assertEquals(1.0, result.scores().get("co-occurrence (category + item PMI)"));
            assertEquals(chanceMeasured, result.scores().get("random scorer"));
        }
        assertEquals(2, report.epochs().size());
        assertEquals("5", report.parameters().get("seed"));
        assertEquals("8", report.parameters().get("dimension"));
        assertEquals("2", report.parameters().get("epochs"));
        assertEquals("11", report.parameters().get("benchmarkSeed"));
        assertTrue(report.timings().containsKey("training seconds"), report.timings().toString());
        assertEquals(1, report.anchors().size());
        assertEquals(4, report.notes().size());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[type-aware] epoch 2 loss"));
    }

    @Test
    void shouldScoreALoadedModelWithoutTrainingItAgain(@TempDir Path dir) throws Exception {
        disjointFolder(dir);
        Path model = dir.resolve("outfits.sgoutfit");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        OutfitEvaluationReport trained = OutfitEvaluation.run(disjoint(dir, model), "train", quiet);

        OutfitEvaluation.Settings load = new OutfitEvaluation.Settings(OutfitEvaluation.DISJOINT, dir, null, model,
                null, 5, BENCHMARK_SEED, OutfitEvaluation.Tuning.none(), MarylandData.Holdout.TEST, null);
        OutfitEvaluationReport loaded = OutfitEvaluation.run(load, "load", quiet);

        assertEquals(model.toString(), trained.parameters().get("modelOut"));
        assertEquals(List.of(), loaded.epochs());
        assertEquals(model.toString(), loaded.parameters().get("model"));
        assertNull(loaded.timings().get("training seconds"));
        for (int r = 0; r < trained.results().size(); r++) {
            assertEquals(trained.results().get(r).scores(), loaded.results().get(r).scores());
        }
    }

    @Test
    void shouldNameTheReportAfterTheDatasetTheOtherOutfitsFileAndTheDevSlice() {
        Path data = Path.of("data");
        OutfitEvaluation.Tuning none = OutfitEvaluation.Tuning.none();
        assertEquals("evaluate-outfits-polyvore-maryland", new OutfitEvaluation.Settings(OutfitEvaluation.MARYLAND,
                data, null, null, null, 1, 2, none, MarylandData.Holdout.TEST, null).reportName());
        assertEquals("evaluate-outfits-polyvore-maryland-dev", new OutfitEvaluation.Settings(
                OutfitEvaluation.MARYLAND, data, null, null, null, 1, 2, none, MarylandData.Holdout.DEV, null)
                .reportName());
        assertEquals("evaluate-outfits-polyvore-maryland-on-my_looks-outfits", new OutfitEvaluation.Settings(
                OutfitEvaluation.MARYLAND, data, Path.of("/tmp/my looks/outfits.jsonl"), null, null, 1, 2, none,
                MarylandData.Holdout.DEV, null).reportName());
        assertEquals("evaluate-outfits-polyvore-outfits-disjoint", new OutfitEvaluation.Settings(
                OutfitEvaluation.DISJOINT, data, null, null, null, 1, 2, none, MarylandData.Holdout.DEV, null)
                .reportName());
        assertEquals("evaluate-outfits-polyvore-maryland-item-text", new OutfitEvaluation.Settings(
                OutfitEvaluation.MARYLAND, data, null, null, null, 1, 2, none, MarylandData.Holdout.TEST, null,
                NameText.ITEM_TEXT).reportName());
    }

    @Test
    void shouldRefuseAnUnknownDatasetAndAnotherOutfitsFileOffMaryland() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> OutfitEvaluation.Settings.check("polyvore-unknown", null));
        IllegalArgumentException outfits = assertThrows(IllegalArgumentException.class,
                () -> OutfitEvaluation.Settings.check(OutfitEvaluation.DISJOINT, Path.of("x.jsonl")));

        assertEquals("unknown dataset 'polyvore-unknown'; known: polyvore-maryland, polyvore-outfits-disjoint",
                unknown.getMessage());
        assertEquals("--outfits evaluates a model trained on polyvore-maryland; use it with --dataset "
                + "polyvore-maryland", outfits.getMessage());
    }

    @Test
    void shouldApplyOnlyTheTuningThatIsGiven() {
        TypeAwareConfig base = TypeAwareConfig.defaults();
        TypeAwareConfig tuned = new OutfitEvaluation.Tuning(3, 16, 0.01, null, 0.0, null, null, 2.0, 0.5, 8)
                .apply(base);

        assertEquals(3, tuned.epochs());
        assertEquals(16, tuned.dimension());
        assertEquals(0.01, tuned.learningRate());
        assertEquals(0.0, tuned.categoryDropout());
        assertEquals(2.0, tuned.scale());
        assertEquals(0.5, tuned.blankShare());
        assertEquals(8, tuned.blankCandidates());
        assertEquals(base.sameTypeShare(), tuned.sameTypeShare());
        assertEquals(base.contentRepeats(), tuned.contentRepeats());
        assertEquals(base.weightDecay(), tuned.weightDecay());
        assertEquals(base, OutfitEvaluation.Tuning.none().apply(base));
    }
}
