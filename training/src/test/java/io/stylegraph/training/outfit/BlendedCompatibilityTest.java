package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlendedCompatibilityTest {

    private final List<OutfitRecord> train = ToyOutfits.outfits("train-", 40, 1);
    private final List<OutfitRecord> test = ToyOutfits.outfits("test-", 10, 2);

    @Test
    void shouldScoreTheWeightedSumOfItsModelsAlongEveryRoute() {
        TypeAwareModel typeAware = new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(2))
                .train(train, null);
        CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train);
        BlendedCompatibility blend = new BlendedCompatibility("blend", List.of(typeAware, cooccurrence),
                new double[] {1, 0.5});
        List<ItemVectors> outfit = test.get(0).items();
        List<ItemVectors> partial = outfit.subList(0, 2);
        ItemVectors candidate = test.get(1).items().get(2);

        assertEquals(typeAware.pairScore(outfit.get(0), outfit.get(1))
                + 0.5 * cooccurrence.pairScore(outfit.get(0), outfit.get(1)),
                blend.pairScore(outfit.get(0), outfit.get(1)), 1e-9);
        assertEquals(typeAware.candidateScore(partial, candidate)
                + 0.5 * cooccurrence.candidateScore(partial, candidate), blend.candidateScore(partial, candidate),
                1e-9);
        assertEquals(typeAware.outfitScore(outfit) + 0.5 * cooccurrence.outfitScore(outfit),
                blend.outfitScore(outfit), 1e-9);
        List<ItemVectors> pool = CompleteTheLook.pool(test);
        float[] scores = new float[1];
        blend.poolScorer(pool).candidateScores(new int[] {0, 1}, new int[] {5}, scores);
        assertEquals(blend.candidateScore(partial, pool.get(5)), scores[0], 1e-4);
    }

    @Test
    void shouldRefuseWeightsThatDoNotMatchItsModels() {
        assertThrows(IllegalArgumentException.class, () -> new BlendedCompatibility("x",
                List.of(CooccurrenceModel.fit(train)), new double[] {1, 2}));
    }
}
