package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-metric evaluators of {@link OutfitEvaluation} and how its draft prints what they find. */
class OutfitEvaluatorsTest {

    private static final List<OutfitRecord> HELD_OUT = ToyOutfits.outfits("h", 12, 3);
    private static final TypeAwareModel MODEL = new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8)
            .withEpochs(20).withLearningRate(0.02).withCategoryDropout(0)).train(ToyOutfits.outfits("t", 150, 1),
            null);
    /** The model's answer for the colour, and the same model blind to it: every item of a slot looks the same. */
    private static final List<Contender> CONTENDERS = List.of(
            new Contender("colour", MODEL, i -> i, true),
            new Contender("blind", MODEL, i -> i.withoutFeature(ItemVectors.TEXT)));

    @Test
    void shouldScoreEveryContenderOnTheSameFitbQuestionsThroughItsView() {
        List<OutfitBenchmark.FitbQuestion> questions = OutfitBenchmark.fitbQuestions(HELD_OUT, 4,
                OutfitBenchmark.Draw.SAME_TYPE, 7);

        OutfitEvaluationReport.Result result = FitbEvaluator.evaluate("FITB, toy", "same slot", questions, 4,
                CONTENDERS);

        assertEquals(new OutfitEvaluationReport.Result("FITB, toy", "FITB accuracy", "same slot", 12, 0.25,
                result.scores()), result);
        assertEquals(List.of("colour", "blind"), List.copyOf(result.scores().keySet()));
        assertEquals(OutfitBenchmark.fitbAccuracy(MODEL, questions), result.scores().get("colour"));
        assertTrue(result.scores().get("colour") > 0.7, result.toString());
        assertEquals(0.25, result.scores().get("blind"), 1e-12, "four identical candidates tie: a quarter each");
    }

    @Test
    void shouldScoreEveryContenderOnTheSamePositivesAndNegativesThroughItsView() {
        List<OutfitRecord> negatives = OutfitBenchmark.replaced(HELD_OUT, OutfitBenchmark.Draw.SAME_TYPE, 7);

        OutfitEvaluationReport.Result result = AucEvaluator.evaluate("AUC, toy", "same slot", HELD_OUT, negatives,
                CONTENDERS);

        assertEquals("AUC", result.metric());
        assertEquals(12, result.count());
        assertEquals(0.5, result.chance());
        assertEquals(OutfitBenchmark.auc(MODEL, HELD_OUT, negatives), result.scores().get("colour"));
        assertTrue(result.scores().get("colour") > 0.9, result.toString());
        assertEquals(0.5, result.scores().get("blind"), 1e-12, "a blind model scores every outfit alike");
    }

    @Test
    void shouldListTheSeedRowThenEachPoolsOverallRowsWithPerSlotRowsWhereAsked() {
        LookRetrievalEvaluator.Retrieval found = LookRetrievalEvaluator.evaluate("toy", HELD_OUT, CONTENDERS, 7);

        assertEquals("36 items of 12 outfits; 12 questions", found.pool());
        List<String> rows = found.rows().stream().map(r -> r.pool().split(",")[0] + " | " + r.model() + " | "
                + r.slot()).toList();
        assertEquals(List.of("seed MVP | fine-tuned FashionSigLIP (seed MVP) | null",
                "all slots | colour | null", "all slots | colour | bottom", "all slots | colour | shoes",
                "all slots | colour | top", "all slots | blind | null",
                "hidden item's slot | colour | null", "hidden item's slot | colour | bottom",
                "hidden item's slot | colour | shoes", "hidden item's slot | colour | top",
                "hidden item's slot | blind | null"), rows);
        assertNull(found.rows().get(0).questions());
        assertEquals(LookRetrievalEvaluator.SEED_RETRIEVAL, found.rows().get(0).accuracy());
        assertEquals("all slots, toy (36 items)", found.rows().get(1).pool());
        assertEquals(12, found.rows().get(1).questions());
        assertTrue(found.rows().get(6).accuracy().get(5) > found.rows().get(10).accuracy().get(5),
                "the colour finds the hidden item sooner than the blind model: " + found.rows());
    }

    @Test
    void shouldPrintEachBenchmarkRowAndEachOverallRetrievalFigureAsTheDraftTakesThem() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutfitReportDraft draft = new OutfitReportDraft(new PrintStream(console, true, StandardCharsets.UTF_8));
        OutfitEvaluationReport.Result row = new OutfitEvaluationReport.Result("AUC, toy", "AUC", "p", 12, 0.5,
                new java.util.LinkedHashMap<>(java.util.Map.of("colour", 0.875)));

        draft.add(row);
        draft.add("toy", LookRetrievalEvaluator.evaluate("toy", HELD_OUT, CONTENDERS.subList(1, 2), 7));

        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("AUC, toy (AUC, n=12): colour 0.8750;", lines.get(0));
        assertEquals(3, lines.size(), "one line per pool for the one contender: " + lines);
        assertTrue(lines.get(1).startsWith("complete the look, all slots, toy (36 items): blind acc@k {1="),
                lines.get(1));
        assertEquals(List.of(row), draft.results());
        assertEquals("36 items of 12 outfits; 12 questions", draft.data.get("complete-the-look pool (toy)"));
    }
}
