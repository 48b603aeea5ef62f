package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeAwareTrainerTest {

    private static final TypeAwareConfig TOY = TypeAwareConfig.defaults().withDimension(8).withEpochs(25)
            .withLearningRate(0.02).withCategoryDropout(0);

    @Test
    void shouldLearnTheColourRuleFromBlankFillingQuestionsAlone() {
        List<OutfitRecord> train = ToyOutfits.outfits("train-", 200, 1);
        List<OutfitRecord> test = ToyOutfits.outfits("test-", 60, 2);
        List<Double> losses = new ArrayList<>();

        TypeAwareModel model = new TypeAwareTrainer(TOY.withBlankShare(1).withBlankCandidates(8).withEpochs(10))
                .train(train, summary -> losses.add(summary.loss()));

        assertTrue(losses.get(0) <= Math.log(8) + 0.1, "a softmax over 8 candidates starts near log 8: " + losses);
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss should fall: " + losses);
        List<CompleteTheLook.Question> questions = CompleteTheLook.questions(test, 7);
        CompleteTheLook.Result slot = CompleteTheLook.evaluate(model, CompleteTheLook.pool(test), questions,
                CompleteTheLook.Scope.SAME_SLOT, CompleteTheLook.CUTOFFS);
        // 60 candidates of the slot, about 6 of the hidden colour: a perfect colour model gets about 5/6, chance 1/12
        assertTrue(slot.overall().accuracy().get(5) > 0.6, "same-slot acc@5 " + slot.overall().accuracy());
    }

    @Test
    void shouldLearnThatGarmentsOfMatchingColourGoTogetherAndBeatRandomOnFillInTheBlank() {
        List<OutfitRecord> train = ToyOutfits.outfits("train-", 200, 1);
        List<OutfitRecord> test = ToyOutfits.outfits("test-", 60, 2);
        List<Double> losses = new ArrayList<>();

        TypeAwareModel model = new TypeAwareTrainer(TOY).train(train, summary -> losses.add(summary.loss()));

        assertEquals(25, losses.size());
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss should fall: " + losses);
        List<OutfitBenchmark.FitbQuestion> questions = OutfitBenchmark.fitbQuestions(test, 4,
                OutfitBenchmark.Draw.SAME_TYPE, 7);
        double learned = OutfitBenchmark.fitbAccuracy(model, questions);
        double random = OutfitBenchmark.fitbAccuracy(new RandomCompatibility(7), questions);
        assertTrue(learned > 0.7, "type-aware FITB " + learned);
        assertTrue(random < 0.45, "random FITB " + random);
        double auc = OutfitBenchmark.auc(model, test,
                OutfitBenchmark.replaced(test, OutfitBenchmark.Draw.SAME_TYPE, 7));
        assertTrue(auc > 0.9, "type-aware AUC " + auc);
        Random r = new Random(3);
        ItemVectors redTop = ToyOutfits.item("a", "top", 0, r);
        ItemVectors redBottom = ToyOutfits.item("b", "bottom", 0, r);
        ItemVectors blueBottom = ToyOutfits.item("c", "bottom", 1, r);
        assertTrue(model.pairScore(redTop, redBottom) > model.pairScore(redTop, blueBottom));
    }

    @Test
    void shouldTrainTheSameModelForTheSameSeed() {
        List<OutfitRecord> train = ToyOutfits.outfits("train-", 40, 1);
        TypeAwareConfig config = TOY.withEpochs(3);

        TypeAwareModel first = new TypeAwareTrainer(config).train(train, null);
        TypeAwareModel second = new TypeAwareTrainer(config).train(train, null);
        TypeAwareModel otherSeed = new TypeAwareTrainer(config.withSeed(43)).train(train, null);

        assertArrayEquals(first.masks, second.masks);
        assertArrayEquals(first.projection, second.projection);
        assertTrue(first.pairScore(train.get(0).items().get(0), train.get(1).items().get(1))
                != otherSeed.pairScore(train.get(0).items().get(0), train.get(1).items().get(1)));
    }

    @Test
    void shouldLearnItemEmbeddingsWhereItemsRecurAcrossOutfits() {
        // Items recur: item "t0" is always worn with "b0", "t1" with "b1"; no content at all.
        List<OutfitRecord> train = new ArrayList<>();
        for (int o = 0; o < 120; o++) {
            int k = o % 6;
            train.add(new OutfitRecord("o" + o, List.of(ItemVectors.of("t" + k, "top", null),
                    ItemVectors.of("b" + k, "bottom", null))));
        }
        TypeAwareModel model = new TypeAwareTrainer(TOY.withItemEmbeddings(true).withEpochs(30)).train(train, null);

        for (int k = 0; k < 6; k++) {
            double partner = model.pairScore(ItemVectors.of("t" + k, "top", null), ItemVectors.of("b" + k, "bottom",
                    null));
            double stranger = model.pairScore(ItemVectors.of("t" + k, "top", null),
                    ItemVectors.of("b" + ((k + 1) % 6), "bottom", null));
            assertTrue(partner > stranger, "item " + k + ": " + partner + " vs " + stranger);
        }
    }

    @Test
    void shouldRejectAFeatureWhoseDimensionChangesBetweenItems() {
        List<OutfitRecord> train = List.of(new OutfitRecord("o", List.of(
                new ItemVectors("a", "top", null, Map.of(ItemVectors.TEXT, new float[3])),
                new ItemVectors("b", "bottom", null, Map.of(ItemVectors.TEXT, new float[4])))));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TypeAwareTrainer(TOY).train(train, null));
        assertTrue(error.getMessage().contains("text"), error.getMessage());
    }

    @Test
    void shouldRefuseToTrainWithoutAnOutfitOfTwoItems() {
        List<OutfitRecord> train = List.of(new OutfitRecord("o", List.of(ItemVectors.of("a", "top", null))));

        assertThrows(IllegalArgumentException.class, () -> new TypeAwareTrainer(TOY).train(train, null));
    }
}
