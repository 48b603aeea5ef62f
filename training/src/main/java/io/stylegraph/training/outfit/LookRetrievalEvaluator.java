package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complete-the-look retrieval ({@link CompleteTheLook}) of every contender on the same questions: on both pools (all
 * slots, and the hidden item's slot), overall, and per slot where the contender asks for it, after the seed's
 * published row.
 */
final class LookRetrievalEvaluator {

    /** The seed's complete-the-look figures (a fine-tuned FashionSigLIP), to read ours beside. */
    static final Map<Integer, Double> SEED_RETRIEVAL = Map.of(1, 0.0076, 5, 0.0264, 25, 0.0884, 100, 0.2133);

    /**
     * What one evaluation found.
     *
     * @param pool a description of the pool and the questions
     * @param rows the seed's row, then per pool and contender its overall row followed by its per-slot rows
     */
    record Retrieval(String pool, List<OutfitEvaluationReport.RetrievalRow> rows) {
    }

    private LookRetrievalEvaluator() {
    }

    /**
     * Hides one item per outfit (seeded) and ranks every item of the outfits for it.
     *
     * @param where names the outfits in the pool's label
     */
    static Retrieval evaluate(String where, List<OutfitRecord> outfits, List<Contender> contenders, long seed) {
        List<CompleteTheLook.Question> questions = CompleteTheLook.questions(outfits, seed);
        List<ItemVectors> pool = CompleteTheLook.pool(outfits);
        List<OutfitEvaluationReport.RetrievalRow> rows = new ArrayList<>();
        rows.add(new OutfitEvaluationReport.RetrievalRow("seed MVP, all candidate items (pool size unknown)",
                "fine-tuned FashionSigLIP (seed MVP)", null, null, null, new TreeMap<>(SEED_RETRIEVAL)));
        for (CompleteTheLook.Scope scope : CompleteTheLook.Scope.values()) {
            String poolName = (scope == CompleteTheLook.Scope.ALL_SLOTS ? "all slots, " : "hidden item's slot, ")
                    + where + " (" + pool.size() + " items)";
            for (Contender c : contenders) {
                List<CompleteTheLook.Question> seen = questions.stream().map(q -> new CompleteTheLook.Question(
                        q.outfitId(), q.partial().stream().map(c.view()).toList(), c.view().apply(q.hidden())))
                        .toList();
                CompleteTheLook.Result result = CompleteTheLook.evaluate(c.model(),
                        pool.stream().map(c.view()).toList(), seen, scope, CompleteTheLook.CUTOFFS);
                rows.add(row(poolName, c.label(), null, result.overall()));
                if (c.perSlot()) {
                    result.bySlot().forEach((slot, accuracy) -> rows.add(row(poolName, c.label(), slot, accuracy)));
                }
            }
        }
        return new Retrieval(pool.size() + " items of " + outfits.size() + " outfits; " + questions.size()
                + " questions", rows);
    }

    private static OutfitEvaluationReport.RetrievalRow row(String pool, String model, String slot,
                                                           CompleteTheLook.Accuracy accuracy) {
        return new OutfitEvaluationReport.RetrievalRow(pool, model, slot, accuracy.questions(),
                accuracy.candidates(), accuracy.accuracy());
    }
}
