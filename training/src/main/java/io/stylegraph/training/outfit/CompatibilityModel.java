package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores how well items go together. An outfit's score is the mean of its pair scores, so a caller can show which
 * pair pulls it down; scores are comparable within one model only (higher is better, no fixed range).
 */
public interface CompatibilityModel {

    /** A short name for reports, e.g. {@code type-aware}. */
    String name();

    /** How well two items go together. Symmetric. */
    double pairScore(ItemVectors a, ItemVectors b);

    /** The outfit's mean pair score and every pair's score; an outfit of fewer than two items scores 0. */
    default OutfitScore score(List<ItemVectors> outfit) {
        List<PairScore> pairs = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < outfit.size(); i++) {
            for (int j = i + 1; j < outfit.size(); j++) {
                double s = pairScore(outfit.get(i), outfit.get(j));
                pairs.add(new PairScore(outfit.get(i).id(), outfit.get(j).id(), s));
                sum += s;
            }
        }
        return new OutfitScore(pairs.isEmpty() ? 0 : sum / pairs.size(), pairs);
    }

    /** Only the outfit score, for bulk evaluation. */
    default double outfitScore(List<ItemVectors> outfit) {
        return score(outfit).score();
    }

    /**
     * How well {@code candidate} fits into {@code partial}: its mean pair score with the partial outfit's items. For
     * a fixed partial outfit this orders candidates exactly as the score of the completed outfit does (the pairs
     * among the partial outfit's items are the same for every candidate).
     */
    default double candidateScore(List<ItemVectors> partial, ItemVectors candidate) {
        if (partial.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (ItemVectors item : partial) {
            sum += pairScore(item, candidate);
        }
        return sum / partial.size();
    }

    /**
     * This model over a fixed pool of items, for ranking many candidates against many partial outfits (what
     * {@link CompleteTheLook} does). The default scores item by item; a model that can embed each item once
     * overrides it.
     */
    default PoolScorer poolScorer(List<ItemVectors> pool) {
        return PoolScorer.direct(this, pool);
    }

    /**
     * Completes a partial outfit: for each missing slot, its candidates ranked by how well each fits the partial
     * outfit (best first). Slots are ranked independently against the same partial outfit.
     */
    default Map<String, List<RankedCandidate>> complete(List<ItemVectors> partial,
                                                        Map<String, List<ItemVectors>> candidatesBySlot) {
        Map<String, List<RankedCandidate>> ranked = new LinkedHashMap<>();
        candidatesBySlot.forEach((slot, candidates) -> {
            List<RankedCandidate> list = new ArrayList<>();
            for (ItemVectors candidate : candidates) {
                list.add(new RankedCandidate(candidate, candidateScore(partial, candidate)));
            }
            list.sort(Comparator.comparingDouble(RankedCandidate::score).reversed());
            ranked.put(slot, List.copyOf(list));
        });
        return ranked;
    }

    record PairScore(String first, String second, double score) {
    }

    record OutfitScore(double score, List<PairScore> pairs) {
        public OutfitScore {
            pairs = List.copyOf(pairs);
        }

        /** The pair that fits worst, or empty for an outfit of fewer than two items. */
        public Optional<PairScore> weakest() {
            return pairs.stream().min(Comparator.comparingDouble(PairScore::score));
        }
    }

    record RankedCandidate(ItemVectors item, double score) {
    }
}
