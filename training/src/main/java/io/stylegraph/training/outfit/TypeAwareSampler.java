package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws the examples of one {@link TypeAwareTrainer} run from its outfits, with the run's one seeded random source:
 * the order of outfits in an epoch, whether an example is a blank-filling question, and the examples themselves.
 *
 * <p><b>Ranking examples: degrees of wrongness.</b> For an outfit of n items, positions are shuffled and two
 * corruption levels {@code a < b} are drawn ({@code a = 0}, the real outfit, half the time; else 1..n-1; {@code b} in
 * a+1..n). Outfit A has its first {@code a} shuffled positions replaced, outfit B the same plus the next
 * {@code b - a}.
 *
 * <p><b>Blank-filling examples.</b> One item of the outfit is hidden and {@code blankCandidates - 1} replacements are
 * drawn for it; the hidden item is the first candidate.
 *
 * <p><b>Replacements</b> come from other training outfits: of the same type (slot) with probability
 * {@link TypeAwareConfig#sameTypeShare()} (hard negatives: the right kind of item, the wrong one), otherwise of any
 * type. They are drawn among items with the same content features as the replaced one (named items stand in for
 * named items), otherwise a missing name would betray the replacement.
 *
 * <p><b>Category dropout</b> shows an item without its category now and then, so the text part learns to carry an
 * item whose catalogue has no Polyvore category.
 */
final class TypeAwareSampler {

    /** Outfit A over outfit B; B equals A where {@code changed} is false. */
    record Ranking(TypeAwareModel.Encoded[] outfitA, TypeAwareModel.Encoded[] outfitB, boolean[] changed) {
    }

    /** The outfit without its hidden item, and the candidates for it, the hidden item first. */
    record Blank(TypeAwareModel.Encoded[] partial, TypeAwareModel.Encoded[] candidates) {
    }

    /** Item references are {@code outfit * MAX_ITEMS + position}. */
    static final int MAX_ITEMS = 64;

    private final TypeAwareConfig config;
    private final TypeAwareVocabulary vocabulary;
    private final TypeAwareModel.Encoded[][] items;
    private final int[] outfitGroup;
    /** Pools of item references by content group, then by type. */
    private final Map<Integer, int[][]> poolsByType = new HashMap<>();
    private final Map<Integer, int[]> poolsAny = new HashMap<>();
    private final SplittableRandom random;
    private final int largestOutfit;

    TypeAwareSampler(TypeAwareVocabulary vocabulary, List<OutfitRecord> outfits, TypeAwareConfig config) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.random = new SplittableRandom(config.seed() * 31 + 7);
        items = new TypeAwareModel.Encoded[outfits.size()][];
        outfitGroup = new int[outfits.size()];
        int largest = 0;
        Map<Integer, Map<Integer, List<Integer>>> byGroup = new TreeMap<>();
        for (int o = 0; o < outfits.size(); o++) {
            List<ItemVectors> list = outfits.get(o).items();
            if (list.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("outfit " + outfits.get(o).id() + " has more than " + MAX_ITEMS
                        + " items");
            }
            largest = Math.max(largest, list.size());
            items[o] = new TypeAwareModel.Encoded[list.size()];
            boolean anyContent = false;
            for (int p = 0; p < list.size(); p++) {
                TypeAwareModel.Encoded e = vocabulary.encode(list.get(p));
                items[o][p] = e;
                anyContent |= e.content() != null;
                byGroup.computeIfAbsent(vocabulary.featureBits(e), g -> new TreeMap<>())
                        .computeIfAbsent(e.type(), t -> new ArrayList<>()).add(o * MAX_ITEMS + p);
            }
            outfitGroup[o] = anyContent ? 1 : 0;
        }
        largestOutfit = largest;
        byGroup.forEach((g, byType) -> {
            int[][] pools = new int[vocabulary.types.size()][];
            List<Integer> all = new ArrayList<>();
            byType.forEach((t, refs) -> {
                pools[t] = refs.stream().mapToInt(Integer::intValue).toArray();
                all.addAll(refs);
            });
            poolsByType.put(g, pools);
            poolsAny.put(g, all.stream().mapToInt(Integer::intValue).toArray());
        });
    }

    /** The most items of one outfit. */
    int largestOutfit() {
        return largestOutfit;
    }

    /** Every outfit's index once, outfits with content {@link TypeAwareConfig#contentRepeats()} times. */
    int[] schedule() {
        List<Integer> schedule = new ArrayList<>();
        for (int o = 0; o < items.length; o++) {
            int repeats = outfitGroup[o] == 1 ? config.contentRepeats() : 1;
            for (int r = 0; r < repeats; r++) {
                schedule.add(o);
            }
        }
        return schedule.stream().mapToInt(Integer::intValue).toArray();
    }

    void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Whether the next example is a blank-filling question ({@link TypeAwareConfig#blankShare()} of them). */
    boolean nextIsBlank() {
        return config.blankShare() > 0 && random.nextDouble() < config.blankShare();
    }

    /** A ranking example from outfit o, or null when no replacement could be drawn. */
    Ranking ranking(int o) {
        TypeAwareModel.Encoded[] original = items[o];
        int n = original.length;
        int a = random.nextBoolean() ? 0 : 1 + random.nextInt(n - 1);
        int b = a + 1 + random.nextInt(n - a);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        shuffle(perm);
        TypeAwareModel.Encoded[] outfitA = new TypeAwareModel.Encoded[n];
        TypeAwareModel.Encoded[] outfitB = new TypeAwareModel.Encoded[n];
        boolean[] changed = new boolean[n];
        for (int p = 0; p < n; p++) {
            outfitA[p] = dropout(original[p]);
            outfitB[p] = outfitA[p];
        }
        for (int k = 0; k < b; k++) {
            int p = perm[k];
            TypeAwareModel.Encoded r = replacement(o, p);
            if (r == null) {
                return null;
            }
            if (k < a) {
                outfitA[p] = r;
                outfitB[p] = r;
            } else {
                outfitB[p] = r;
                changed[p] = true;
            }
        }
        return new Ranking(outfitA, outfitB, changed);
    }

    /** A blank-filling question from outfit o, or null when no replacement could be drawn. */
    Blank blank(int o) {
        TypeAwareModel.Encoded[] original = items[o];
        int hidden = random.nextInt(original.length);
        TypeAwareModel.Encoded[] partial = new TypeAwareModel.Encoded[original.length - 1];
        for (int p = 0, q = 0; p < original.length; p++) {
            if (p != hidden) {
                partial[q++] = dropout(original[p]);
            }
        }
        TypeAwareModel.Encoded[] candidates = new TypeAwareModel.Encoded[config.blankCandidates()];
        candidates[0] = dropout(original[hidden]);
        for (int c = 1; c < candidates.length; c++) {
            candidates[c] = replacement(o, hidden);
            if (candidates[c] == null) {
                return null;
            }
        }
        return new Blank(partial, candidates);
    }

    private TypeAwareModel.Encoded dropout(TypeAwareModel.Encoded e) {
        return config.categoryDropout() > 0 && random.nextDouble() < config.categoryDropout()
                ? e.withoutCategory() : e;
    }

    /** A replacement for item p of outfit o from another outfit, or null when there is none. */
    private TypeAwareModel.Encoded replacement(int o, int p) {
        TypeAwareModel.Encoded original = items[o][p];
        int g = vocabulary.featureBits(original);
        int[] pool = null;
        if (random.nextDouble() < config.sameTypeShare()) {
            pool = poolsByType.get(g)[original.type()];
        }
        if (pool == null) {
            pool = poolsAny.get(g);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            for (int tries = 0; tries < 8; tries++) {
                int ref = pool[random.nextInt(pool.length)];
                if (ref / MAX_ITEMS != o) {
                    return dropout(items[ref / MAX_ITEMS][ref % MAX_ITEMS]);
                }
            }
            pool = poolsAny.get(g);
        }
        return null;
    }
}
