package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The complete-the-look retrieval benchmark: for every held-out outfit of two or more items, one item (seeded choice)
 * is hidden and every item of the held-out outfits (the pool) is ranked by how well it fits the rest of the outfit
 * ({@link CompatibilityModel#candidateScore}, through {@link CompatibilityModel#poolScorer}). The items left in the
 * outfit are not candidates (they are already worn). acc@k is the share of questions whose hidden item ranks in the
 * top k; equal scores are broken at random, in expectation (see {@link #hitCredit}).
 *
 * <p>Two pools: {@link Scope#ALL_SLOTS}, every pool item; {@link Scope#SAME_SLOT}, only the pool items of the hidden
 * item's slot (type), as a shop asking for "a pair of shoes for this outfit" would rank them. Figures come overall
 * and per slot of the hidden item.
 */
public final class CompleteTheLook {

    /** The cut-offs reported by default, as in the seed's table. */
    public static final List<Integer> CUTOFFS = List.of(1, 5, 25, 100);

    /** Which pool items are candidates. */
    public enum Scope {
        /** Every pool item not in the partial outfit. */
        ALL_SLOTS,
        /** The pool items of the hidden item's slot not in the partial outfit. */
        SAME_SLOT
    }

    /** One question: the outfit without its hidden item, and the hidden item. */
    public record Question(String outfitId, List<ItemVectors> partial, ItemVectors hidden) {
        public Question {
            partial = List.copyOf(partial);
        }
    }

    /**
     * acc@k over some questions.
     *
     * @param questions how many questions
     * @param accuracy  acc@k per cut-off k, in the order of the cut-offs asked for
     * @param candidates mean number of candidates per question
     */
    public record Accuracy(int questions, Map<Integer, Double> accuracy, double candidates) {
        public Accuracy {
            accuracy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        }
    }

    /**
     * A model's figures on one scope.
     *
     * @param poolSize items in the pool (before the partial outfit's own items are set aside)
     * @param overall  every question
     * @param bySlot   the questions whose hidden item has that slot, slots in alphabetical order
     */
    public record Result(Scope scope, int poolSize, Accuracy overall, Map<String, Accuracy> bySlot) {
        public Result {
            bySlot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySlot));
        }
    }

    private CompleteTheLook() {
    }

    /** One question per outfit of two or more items, the hidden item drawn with {@code seed}. */
    public static List<Question> questions(List<OutfitRecord> outfits, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Question> questions = new ArrayList<>();
        for (OutfitRecord outfit : outfits) {
            if (outfit.size() < 2) {
                continue;
            }
            int hidden = random.nextInt(outfit.size());
            List<ItemVectors> partial = new ArrayList<>(outfit.items());
            partial.remove(hidden);
            questions.add(new Question(outfit.id(), partial, outfit.items().get(hidden)));
        }
        return questions;
    }

    /** Every item of the outfits, once per id, in order of first occurrence. */
    public static List<ItemVectors> pool(List<OutfitRecord> outfits) {
        Map<String, ItemVectors> byId = new LinkedHashMap<>();
        outfits.forEach(o -> o.items().forEach(i -> byId.putIfAbsent(i.id(), i)));
        return List.copyOf(byId.values());
    }

    /**
     * Ranks the pool for every question. Every item of a question must be in the pool (by id).
     *
     * @param cutoffs the k of acc@k, ascending
     */
    public static Result evaluate(CompatibilityModel model, List<ItemVectors> pool, List<Question> questions,
                                  Scope scope, List<Integer> cutoffs) {
        Map<String, Integer> rowOf = new HashMap<>();
        for (int row = 0; row < pool.size(); row++) {
            if (rowOf.putIfAbsent(pool.get(row).id(), row) != null) {
                throw new IllegalArgumentException("item " + pool.get(row).id() + " is twice in the pool");
            }
        }
        Map<String, int[]> rowsBySlot = new HashMap<>();
        Map<String, List<Integer>> collecting = new TreeMap<>();
        for (int row = 0; row < pool.size(); row++) {
            collecting.computeIfAbsent(pool.get(row).type(), t -> new ArrayList<>()).add(row);
        }
        collecting.forEach((slot, rows) -> rowsBySlot.put(slot, rows.stream().mapToInt(Integer::intValue).toArray()));
        int[] everyRow = new int[pool.size()];
        for (int row = 0; row < everyRow.length; row++) {
            everyRow[row] = row;
        }
        PoolScorer scorer = model.poolScorer(pool);
        Tally overall = new Tally(cutoffs);
        Map<String, Tally> bySlot = new TreeMap<>();
        for (Question question : questions) {
            int hidden = row(rowOf, question.hidden());
            int[] partial = question.partial().stream().mapToInt(i -> row(rowOf, i)).toArray();
            int[] candidates = without(scope == Scope.ALL_SLOTS ? everyRow
                    : rowsBySlot.get(question.hidden().type()), partial);
            float[] scores = new float[candidates.length];
            scorer.candidateScores(partial, candidates, scores);
            float truth = Float.NaN;
            for (int c = 0; c < candidates.length; c++) {
                if (candidates[c] == hidden) {
                    truth = scores[c];
                }
            }
            int greater = 0;
            int tied = 0;
            for (int c = 0; c < candidates.length; c++) {
                if (candidates[c] != hidden) {
                    if (scores[c] > truth) {
                        greater++;
                    } else if (scores[c] == truth) {
                        tied++;
                    }
                }
            }
            overall.add(greater, tied, candidates.length);
            bySlot.computeIfAbsent(question.hidden().type(), s -> new Tally(cutoffs)).add(greater, tied,
                    candidates.length);
        }
        Map<String, Accuracy> slots = new LinkedHashMap<>();
        bySlot.forEach((slot, tally) -> slots.put(slot, tally.accuracy()));
        return new Result(scope, pool.size(), overall.accuracy(), slots);
    }

    /**
     * The chance that an item ranks in the top {@code k} when {@code greater} candidates score above it and
     * {@code tied} others score the same, the tie broken at random: its rank is uniform in
     * {@code greater + 1 .. greater + tied + 1}.
     */
    static double hitCredit(int greater, int tied, int k) {
        int inside = Math.min(k, greater + tied + 1) - greater;
        return inside <= 0 ? 0 : (double) inside / (tied + 1);
    }

    private static int row(Map<String, Integer> rowOf, ItemVectors item) {
        Integer row = rowOf.get(item.id());
        if (row == null) {
            throw new IllegalArgumentException("item " + item.id() + " is not in the pool");
        }
        return row;
    }

    private static int[] without(int[] rows, int[] excluded) {
        int[] kept = new int[rows.length];
        int n = 0;
        for (int row : rows) {
            boolean skip = false;
            for (int e : excluded) {
                skip |= e == row;
            }
            if (!skip) {
                kept[n++] = row;
            }
        }
        return java.util.Arrays.copyOf(kept, n);
    }

    /** Credits summed per cut-off. */
    private static final class Tally {
        private final List<Integer> cutoffs;
        private final double[] credit;
        private int questions;
        private long candidates;

        Tally(List<Integer> cutoffs) {
            this.cutoffs = List.copyOf(cutoffs);
            this.credit = new double[cutoffs.size()];
        }

        void add(int greater, int tied, int candidateCount) {
            for (int i = 0; i < credit.length; i++) {
                credit[i] += hitCredit(greater, tied, cutoffs.get(i));
            }
            questions++;
            candidates += candidateCount;
        }

        Accuracy accuracy() {
            Map<Integer, Double> accuracy = new LinkedHashMap<>();
            for (int i = 0; i < credit.length; i++) {
                accuracy.put(cutoffs.get(i), questions == 0 ? Double.NaN : credit[i] / questions);
            }
            return new Accuracy(questions, accuracy, questions == 0 ? Double.NaN : (double) candidates / questions);
        }
    }
}
