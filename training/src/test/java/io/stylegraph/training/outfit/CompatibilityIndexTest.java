package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompatibilityIndexTest {

    private static TypeAwareModel trained() {
        return new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(10).withLearningRate(0.02))
                .train(ToyOutfits.outfits("t", 100, 1), null);
    }

    @Test
    void shouldScorePairsOutfitsAndCandidatesExactlyAsTheModelDoes() {
        TypeAwareModel model = trained();
        List<ItemVectors> items = new ArrayList<>();
        ToyOutfits.outfits("c", 6, 9).forEach(outfit -> items.addAll(outfit.items()));
        CompatibilityIndex index = CompatibilityIndex.build(model, items);

        assertEquals(model.pairScore(items.get(0), items.get(4)), index.pairScore(0, 4), 1e-5);
        assertEquals(model.score(List.of(items.get(0), items.get(1), items.get(2))).score(),
                index.score(new int[] {0, 1, 2}).score(), 1e-5);
        int[] candidates = new int[items.size() - 2];
        for (int c = 0; c < candidates.length; c++) {
            candidates[c] = c + 2;
        }
        float[] scores = new float[candidates.length];
        index.candidateScores(new int[] {0, 1}, candidates, scores);
        for (int c = 0; c < candidates.length; c++) {
            assertEquals(model.candidateScore(List.of(items.get(0), items.get(1)), items.get(candidates[c])),
                    scores[c], 1e-5, "candidate " + c);
        }
    }

    @Test
    void shouldKeepAnItemOfATypeTheModelCannotPlaceAsAnUnscorableRow() {
        TypeAwareModel model = trained();
        ItemVectors hat = new ItemVectors("hat", "accessory", null, Map.of());
        ItemVectors top = ToyOutfits.outfits("x", 1, 3).get(0).items().get(0);

        CompatibilityIndex index = CompatibilityIndex.build(model, List.of(hat, top));

        assertFalse(index.scorable(0), "the toy model knows top, bottom and shoes only");
        assertTrue(index.scorable(1));
        assertEquals("hat", index.id(0));
    }
}
