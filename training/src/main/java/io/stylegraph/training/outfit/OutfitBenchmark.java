package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The two outfit benchmarks, built once from held-out outfits with a seed so every model answers the same questions.
 *
 * <ul>
 *   <li><b>Fill in the blank</b>: per outfit of two or more items, one item (seeded choice) is blanked; the
 *   candidates are the true item and {@code candidates - 1} distinct random items of other outfits (of any type, as in
 *   the Maryland protocol of Han et al.; or of the blank's type for the harder variant). Accuracy is the share of
 *   questions where the true item fits the partial outfit best, ties split (see
 *   {@link CompatibilityMetrics#fitbCredit}).</li>
 *   <li><b>Compatibility AUC</b>: real outfits against the same outfits with every item replaced by a random item of
 *   another outfit (of any type; or of the same type, which keeps the outfit's slot sequence and leaves only the
 *   choice of items to judge). AUC over outfit scores.</li>
 * </ul>
 * Where too few items of the needed type exist in other outfits, the draw falls back to items of any type.
 */
public final class OutfitBenchmark {

    /** Where replacement items and distractors come from. */
    public enum Draw {
        /** Random items of other outfits, whatever their type. */
        ANY_TYPE,
        /** Random items of other outfits with the replaced item's type. */
        SAME_TYPE
    }

    /** One question: the outfit without its blank, the shuffled candidates, and the index of the true item. */
    public record FitbQuestion(String outfitId, List<ItemVectors> partial, List<ItemVectors> candidates, int answer) {
        public FitbQuestion {
            partial = List.copyOf(partial);
            candidates = List.copyOf(candidates);
        }

        /** The same question with every item changed (e.g. a feature removed). */
        public FitbQuestion map(UnaryOperator<ItemVectors> change) {
            return new FitbQuestion(outfitId, partial.stream().map(change).toList(),
                    candidates.stream().map(change).toList(), answer);
        }
    }

    private final List<OutfitRecord> outfits;
    private final List<int[]> all = new ArrayList<>();
    private final Map<String, List<int[]>> byType = new HashMap<>();

    private OutfitBenchmark(List<OutfitRecord> outfits) {
        this.outfits = List.copyOf(outfits);
        for (int o = 0; o < outfits.size(); o++) {
            List<ItemVectors> items = outfits.get(o).items();
            for (int p = 0; p < items.size(); p++) {
                int[] ref = {o, p};
                all.add(ref);
                byType.computeIfAbsent(items.get(p).type(), t -> new ArrayList<>()).add(ref);
            }
        }
    }

    /** Fill-in-the-blank questions, one per outfit of two or more items. */
    public static List<FitbQuestion> fitbQuestions(List<OutfitRecord> outfits, int candidates, Draw draw, long seed) {
        if (candidates < 2) {
            throw new IllegalArgumentException("a question needs at least two candidates");
        }
        OutfitBenchmark pools = new OutfitBenchmark(outfits);
        SplittableRandom random = new SplittableRandom(seed);
        List<FitbQuestion> questions = new ArrayList<>();
        for (int o = 0; o < outfits.size(); o++) {
            OutfitRecord outfit = outfits.get(o);
            if (outfit.size() < 2) {
                continue;
            }
            int blank = random.nextInt(outfit.size());
            ItemVectors truth = outfit.items().get(blank);
            List<ItemVectors> partial = new ArrayList<>(outfit.items());
            partial.remove(blank);
            List<ItemVectors> chosen = new ArrayList<>();
            chosen.add(truth);
            Set<String> used = new HashSet<>();
            used.add(truth.id());
            while (chosen.size() < candidates) {
                ItemVectors distractor = pools.draw(o, truth.type(), draw, used, random);
                if (distractor == null) {
                    break;
                }
                chosen.add(distractor);
                used.add(distractor.id());
            }
            if (chosen.size() < candidates) {
                continue;
            }
            int answer = random.nextInt(candidates);
            ItemVectors first = chosen.get(answer);
            chosen.set(answer, truth);
            chosen.set(0, first);
            questions.add(new FitbQuestion(outfit.id(), partial, chosen, answer));
        }
        return questions;
    }

    /** The outfits with every item replaced by a random item of another outfit; ids get a {@code -replaced} suffix. */
    public static List<OutfitRecord> replaced(List<OutfitRecord> outfits, Draw draw, long seed) {
        OutfitBenchmark pools = new OutfitBenchmark(outfits);
        SplittableRandom random = new SplittableRandom(seed);
        List<OutfitRecord> negatives = new ArrayList<>();
        for (int o = 0; o < outfits.size(); o++) {
            OutfitRecord outfit = outfits.get(o);
            List<ItemVectors> items = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (ItemVectors item : outfit.items()) {
                ItemVectors replacement = pools.draw(o, item.type(), draw, used, random);
                if (replacement == null) {
                    throw new IllegalArgumentException("too few outfits to draw replacements from");
                }
                items.add(replacement);
                used.add(replacement.id());
            }
            negatives.add(new OutfitRecord(outfit.id() + "-replaced", items));
        }
        return negatives;
    }

    /** A random item of an outfit other than {@code outfit}, not in {@code used}; null when none is found. */
    private ItemVectors draw(int outfit, String type, Draw draw, Set<String> used, SplittableRandom random) {
        List<int[]> pool = draw == Draw.SAME_TYPE ? byType.getOrDefault(type, List.of()) : all;
        for (int round = 0; round < 2; round++) {
            for (int tries = 0; tries < 50 && !pool.isEmpty(); tries++) {
                int[] ref = pool.get(random.nextInt(pool.size()));
                ItemVectors item = outfits.get(ref[0]).items().get(ref[1]);
                if (ref[0] != outfit && !used.contains(item.id())) {
                    return item;
                }
            }
            pool = all;
        }
        return null;
    }

    /** Fill-in-the-blank accuracy of a model, in [0, 1]. */
    public static double fitbAccuracy(CompatibilityModel model, List<FitbQuestion> questions) {
        if (questions.isEmpty()) {
            return Double.NaN;
        }
        double credit = 0;
        for (FitbQuestion question : questions) {
            double[] scores = new double[question.candidates().size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = model.candidateScore(question.partial(), question.candidates().get(c));
            }
            credit += CompatibilityMetrics.fitbCredit(scores, question.answer());
        }
        return credit / questions.size();
    }

    /** Compatibility AUC of a model: positives should outscore negatives. */
    public static double auc(CompatibilityModel model, List<OutfitRecord> positives, List<OutfitRecord> negatives) {
        return CompatibilityMetrics.auc(scores(model, positives), scores(model, negatives));
    }

    public static double[] scores(CompatibilityModel model, List<OutfitRecord> outfits) {
        double[] scores = new double[outfits.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.outfitScore(outfits.get(i).items());
        }
        return scores;
    }
}
