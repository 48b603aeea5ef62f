package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outfit context model learns which names go together where the names alone mislead: eight styles, a top of
 * style s named like style s and its bottom named like style s xor 1, so an untrained model (names compared as they
 * are) prefers the wrong bottom, while the trained one must find the right one among bottoms.
 */
class OutfitContextTrainerTest {

    private static final int STYLES = 8;

    private static float[] name(int style, SplittableRandom random) {
        float[] v = new float[STYLES];
        for (int k = 0; k < STYLES; k++) {
            v[k] = (float) (random.nextGaussian() * 0.1);
        }
        v[style] += 1f;
        return v;
    }

    private static List<OutfitRecord> outfits(String prefix, int perStyle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OutfitRecord> outfits = new ArrayList<>();
        for (int s = 0; s < STYLES; s++) {
            for (int n = 0; n < perStyle; n++) {
                String id = prefix + s + "-" + n;
                outfits.add(new OutfitRecord(id, List.of(
                        new ItemVectors(id + "-top", "top", "Tops", Map.of(ItemVectors.TEXT, name(s, random))),
                        new ItemVectors(id + "-bottom", "bottom", "Skirts",
                                Map.of(ItemVectors.TEXT, name(s ^ 1, random))))));
            }
        }
        return outfits;
    }

    @Test
    void shouldLearnWhichBottomGoesWithATopAmongBottoms() {
        List<OutfitRecord> train = outfits("train-", 20, 1);
        List<OutfitRecord> heldOut = outfits("held-", 10, 2);
        OutfitContextConfig config = OutfitContextConfig.defaults().withDimension(16).withEpochs(30)
                .withNegatives(1, 3);
        OutfitContextTrainer trainer = new OutfitContextTrainer(config);
        List<OutfitBenchmark.FitbQuestion> sameSlot = OutfitBenchmark.fitbQuestions(heldOut, 4,
                OutfitBenchmark.Draw.SAME_TYPE, 2017);

        double untrained = OutfitBenchmark.fitbAccuracy(trainer.initialModel(train), sameSlot);
        OutfitContextModel model = trainer.train(train, null);
        double trained = OutfitBenchmark.fitbAccuracy(model, sameSlot);

        assertTrue(untrained < 0.4, "names compared as they are point to the wrong bottom: " + untrained);
        assertTrue(trained > 0.6, "same-slot FITB after training: " + trained + " (chance 0.25)");
    }

    @Test
    void shouldTrainTheSameModelForTheSameSeed() {
        List<OutfitRecord> train = outfits("train-", 5, 3);
        OutfitContextConfig config = OutfitContextConfig.defaults().withDimension(8).withEpochs(2);

        OutfitContextModel first = new OutfitContextTrainer(config).train(train, null);
        OutfitContextModel second = new OutfitContextTrainer(config).train(train, null);

        assertArrayEquals(first.projection, second.projection);
        assertArrayEquals(first.compatibility, second.compatibility);
    }

    @Test
    void shouldRefuseSettingsWithoutDistractors() {
        assertThrows(IllegalArgumentException.class, () -> OutfitContextConfig.defaults().withNegatives(0, 0));
    }
}
