package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutfitBenchmarkTest {

    private final List<OutfitRecord> outfits = ToyOutfits.outfits("o", 12, 5);

    @Test
    void shouldAskOneQuestionPerOutfitWithTheTrueItemAndThreeDistractorsFromOtherOutfits() {
        List<OutfitBenchmark.FitbQuestion> questions = OutfitBenchmark.fitbQuestions(outfits, 4,
                OutfitBenchmark.Draw.ANY_TYPE, 11);

        assertEquals(outfits.size(), questions.size());
        Map<String, String> outfitOf = outfitOfItem();
        for (OutfitBenchmark.FitbQuestion q : questions) {
            assertEquals(4, q.candidates().size());
            assertEquals(2, q.partial().size());
            ItemVectors truth = q.candidates().get(q.answer());
            assertEquals(q.outfitId(), outfitOf.get(truth.id()));
            Set<String> ids = new HashSet<>();
            for (int c = 0; c < 4; c++) {
                ids.add(q.candidates().get(c).id());
                if (c != q.answer()) {
                    assertNotEquals(q.outfitId(), outfitOf.get(q.candidates().get(c).id()));
                }
            }
            assertEquals(4, ids.size(), "candidates are distinct");
            assertTrue(q.partial().stream().noneMatch(i -> i.id().equals(truth.id())));
        }
        assertEquals(questions, OutfitBenchmark.fitbQuestions(outfits, 4, OutfitBenchmark.Draw.ANY_TYPE, 11),
                "same seed, same questions");
    }

    @Test
    void shouldDrawSameSlotDistractorsAndReplacementsWhenAsked() {
        for (OutfitBenchmark.FitbQuestion q : OutfitBenchmark.fitbQuestions(outfits, 4,
                OutfitBenchmark.Draw.SAME_TYPE, 3)) {
            String type = q.candidates().get(q.answer()).type();
            assertTrue(q.candidates().stream().allMatch(c -> c.type().equals(type)));
        }
        List<OutfitRecord> replaced = OutfitBenchmark.replaced(outfits, OutfitBenchmark.Draw.SAME_TYPE, 3);
        Map<String, String> outfitOf = outfitOfItem();
        for (int o = 0; o < outfits.size(); o++) {
            OutfitRecord real = outfits.get(o);
            OutfitRecord fake = replaced.get(o);
            assertEquals(real.size(), fake.size());
            for (int p = 0; p < real.size(); p++) {
                assertEquals(real.items().get(p).type(), fake.items().get(p).type());
                assertNotEquals(real.id(), outfitOf.get(fake.items().get(p).id()));
            }
        }
    }

    @Test
    void shouldGiveTheRandomScorerAboutChance() {
        List<OutfitRecord> many = ToyOutfits.outfits("m", 400, 9);
        double fitb = OutfitBenchmark.fitbAccuracy(new RandomCompatibility(1),
                OutfitBenchmark.fitbQuestions(many, 4, OutfitBenchmark.Draw.ANY_TYPE, 2));
        double auc = OutfitBenchmark.auc(new RandomCompatibility(1), many,
                OutfitBenchmark.replaced(many, OutfitBenchmark.Draw.ANY_TYPE, 2));

        assertEquals(0.25, fitb, 0.06);
        assertEquals(0.5, auc, 0.06);
    }

    private Map<String, String> outfitOfItem() {
        Map<String, String> map = new HashMap<>();
        outfits.forEach(o -> o.items().forEach(i -> map.put(i.id(), o.id())));
        return map;
    }
}
