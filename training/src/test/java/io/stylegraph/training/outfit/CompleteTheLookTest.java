package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompleteTheLookTest {

    private static final List<String> SLOTS = List.of("top", "bottom", "shoes");

    /** An outfit of a top, a bottom and shoes whose categories are {@code <colour> <slot>}. */
    private static OutfitRecord outfit(String id, String colour) {
        return new OutfitRecord(id, SLOTS.stream()
                .map(slot -> ItemVectors.of(id + "-" + slot, slot, colour + " " + slot)).toList());
    }

    /** Two red outfits and a blue one: each red item has a same-category twin in the other red outfit. */
    private final List<OutfitRecord> heldOut = List.of(outfit("h1", "red"), outfit("h2", "blue"),
            outfit("h3", "red"));

    private CompleteTheLook.Result run(CompatibilityModel model, CompleteTheLook.Scope scope) {
        return CompleteTheLook.evaluate(model, CompleteTheLook.pool(heldOut),
                CompleteTheLook.questions(heldOut, 7), scope, CompleteTheLook.CUTOFFS);
    }

    @Test
    void shouldHideOneItemPerOutfitRepeatablyAndPoolEveryHeldOutItemOnce() {
        List<CompleteTheLook.Question> questions = CompleteTheLook.questions(heldOut, 7);

        assertEquals(3, questions.size());
        for (int o = 0; o < 3; o++) {
            CompleteTheLook.Question q = questions.get(o);
            assertEquals(heldOut.get(o).id(), q.outfitId());
            assertEquals(2, q.partial().size());
            assertTrue(heldOut.get(o).items().contains(q.hidden()));
            assertTrue(!q.partial().contains(q.hidden()));
        }
        assertEquals(questions, CompleteTheLook.questions(heldOut, 7));
        List<OutfitRecord> withRepeat = List.of(heldOut.get(0), heldOut.get(0), heldOut.get(1));
        assertEquals(6, CompleteTheLook.pool(withRepeat).size());
    }

    @Test
    void shouldGiveTheExpectedShareOfEveryCutOffWhenAllCandidatesTie() {
        CompatibilityModel blank = CooccurrenceModel.fit(List.of()); // knows no pair: every score is log(1) = 0

        CompleteTheLook.Result all = run(blank, CompleteTheLook.Scope.ALL_SLOTS);
        CompleteTheLook.Result slot = run(blank, CompleteTheLook.Scope.SAME_SLOT);

        assertEquals(9, all.poolSize());
        assertEquals(3, all.overall().questions());
        assertEquals(7.0, all.overall().candidates(), 1e-12); // 9 items less the 2 still worn
        assertEquals(expected(1 / 7.0, 5 / 7.0, 1.0, 1.0), rounded(all.overall().accuracy()));
        assertEquals(3.0, slot.overall().candidates(), 1e-12); // the 3 items of the hidden item's slot
        assertEquals(expected(1 / 3.0, 1.0, 1.0, 1.0), rounded(slot.overall().accuracy()));
        assertEquals(3, slot.bySlot().values().stream().mapToInt(CompleteTheLook.Accuracy::questions).sum());
    }

    @Test
    void shouldSplitACreditBetweenTiedItemsAndRankTheOnlyFittingItemFirst() {
        // learnt from other outfits: red goes with red and blue with blue, never across colours
        CompatibilityModel colours = CooccurrenceModel.fit(List.of(outfit("t1", "red"), outfit("t2", "blue")));

        for (CompleteTheLook.Scope scope : CompleteTheLook.Scope.values()) {
            CompleteTheLook.Result result = run(colours, scope);

            // h1 and h3: the hidden red item ties with its twin (credit 1/2 at k = 1); h2: alone in blue
            assertEquals(expected(2 / 3.0, 1.0, 1.0, 1.0), rounded(result.overall().accuracy()),
                    scope.name());
            double weighted = result.bySlot().values().stream()
                    .mapToDouble(a -> a.questions() * a.accuracy().get(1)).sum();
            assertEquals(2.0, weighted, 1e-9, scope.name());
        }
    }

    @Test
    void shouldRankEveryHiddenItemFirstForAModelThatSawTheOutfits() {
        CompatibilityModel memory = CooccurrenceModel.fit(heldOut); // item pairs of the held-out outfits themselves

        CompleteTheLook.Result all = run(memory, CompleteTheLook.Scope.ALL_SLOTS);

        assertEquals(expected(1.0, 1.0, 1.0, 1.0), rounded(all.overall().accuracy()));
    }

    @Test
    void shouldCountRanksWithTiesBrokenAtRandomInExpectation() {
        assertEquals(1.0, CompleteTheLook.hitCredit(0, 0, 1));
        assertEquals(0.0, CompleteTheLook.hitCredit(1, 0, 1));
        assertEquals(0.25, CompleteTheLook.hitCredit(0, 3, 1));
        assertEquals(0.5, CompleteTheLook.hitCredit(3, 3, 5)); // ranks 4..7, two of them in the top 5
        assertEquals(1.0, CompleteTheLook.hitCredit(3, 3, 25));
        assertEquals(0.0, CompleteTheLook.hitCredit(5, 3, 5));
    }

    @Test
    void shouldRankThroughTheServingIndexAsTheModelScoresItemByItem() {
        List<OutfitRecord> train = ToyOutfits.outfits("train-", 60, 1);
        List<OutfitRecord> test = ToyOutfits.outfits("test-", 30, 2);
        TypeAwareModel model = new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(5))
                .train(train, null);
        CompatibilityModel itemByItem = new CompatibilityModel() { // the interface's own route, no index
            public String name() {
                return "item by item";
            }

            public double pairScore(ItemVectors a, ItemVectors b) {
                return model.pairScore(a, b);
            }
        };
        List<ItemVectors> pool = CompleteTheLook.pool(test);
        List<CompleteTheLook.Question> questions = CompleteTheLook.questions(test, 3);

        for (CompleteTheLook.Scope scope : CompleteTheLook.Scope.values()) {
            CompleteTheLook.Result indexed = CompleteTheLook.evaluate(model, pool, questions, scope,
                    CompleteTheLook.CUTOFFS);
            CompleteTheLook.Result direct = CompleteTheLook.evaluate(itemByItem, pool, questions, scope,
                    CompleteTheLook.CUTOFFS);
            for (int k : CompleteTheLook.CUTOFFS) {
                assertEquals(direct.overall().accuracy().get(k), indexed.overall().accuracy().get(k), 1e-9);
            }
        }
    }

    @Test
    void shouldRefuseAQuestionWhoseItemIsNotInThePool() {
        List<CompleteTheLook.Question> questions = CompleteTheLook.questions(heldOut, 7);

        assertThrows(IllegalArgumentException.class, () -> CompleteTheLook.evaluate(CooccurrenceModel.fit(heldOut),
                CompleteTheLook.pool(heldOut.subList(0, 2)), questions, CompleteTheLook.Scope.ALL_SLOTS,
                CompleteTheLook.CUTOFFS));
    }

    private static Map<Integer, Double> expected(double at1, double at5, double at25, double at100) {
        return rounded(Map.of(1, at1, 5, at5, 25, at25, 100, at100));
    }

    private static Map<Integer, Double> rounded(Map<Integer, Double> accuracy) {
        java.util.Map<Integer, Double> out = new java.util.HashMap<>();
        accuracy.forEach((k, v) -> out.put(k, Math.round(v * 1e9) / 1e9));
        return Map.copyOf(out);
    }
}
