package io.stylegraph.training.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.models.Vectors;

/**
 * Ranks items for a query made of one or more {@link QueryPart}s. One part without DBA is a plain top-K search. With
 * several parts (hybrid, composed) each part's top {@code shortlist} candidates are pooled and every candidate is
 * scored by the weighted sum of its similarities in all parts (late fusion; a part whose index lacks the item adds
 * nothing). DBA re-scores the pooled candidates with augmented item vectors. AQE averages each part's vector with the
 * vectors of the top {@code aqeDepth} results and ranks again.
 */
public final class Ranker {
    private static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score).reversed()
            .thenComparing(ScoredItem::itemId);

    private final int shortlist;
    private final int aqeDepth;

    public Ranker(int shortlist, int aqeDepth) {
        this.shortlist = shortlist;
        this.aqeDepth = aqeDepth;
    }

    public List<ScoredItem> rank(List<QueryPart> parts, SearchFilter filter, int k, Reranking reranking) {
        List<ScoredItem> first = round(parts, filter, k, reranking.dba());
        if (!reranking.aqe() || first.isEmpty() || aqeDepth < 1) {
            return first;
        }
        return round(expand(parts, first, reranking.dba()), filter, k, reranking.dba());
    }

    private List<ScoredItem> round(List<QueryPart> parts, SearchFilter filter, int k, boolean dba) {
        if (parts.size() == 1 && !dba) {
            QueryPart part = parts.get(0);
            return part.index().search(part.vector(), filter, k);
        }
        int depth = Math.max(k, shortlist);
        // each candidate's similarity in the parts that found it is the search's own score (the same exact inner
        // product of the same row); only the other parts look it up (NaN: not known yet)
        Map<String, float[]> candidates = new LinkedHashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            QueryPart part = parts.get(p);
            for (ScoredItem found : part.index().search(part.vector(), filter, depth)) {
                candidates.computeIfAbsent(found.itemId(), id -> unknown(parts.size()))[p] = found.score();
            }
        }
        List<Map<String, float[]>> augmented = new ArrayList<>(parts.size());
        if (dba) {
            parts.forEach(part -> augmented.add(part.index().augmentedVectors(candidates.keySet())));
        }
        List<ScoredItem> scored = new ArrayList<>(candidates.size());
        for (Map.Entry<String, float[]> candidate : candidates.entrySet()) {
            String id = candidate.getKey();
            double score = 0;
            for (int p = 0; p < parts.size(); p++) {
                QueryPart part = parts.get(p);
                float found = candidate.getValue()[p];
                float similarity = dba ? dot(augmented.get(p).get(id), part.vector())
                        : !Float.isNaN(found) ? found : part.index().score(id, part.vector());
                if (!Float.isNaN(similarity)) {
                    score += part.weight() * similarity;
                }
            }
            scored.add(new ScoredItem(id, (float) score));
        }
        scored.sort(BEST_FIRST);
        return scored.size() > k ? List.copyOf(scored.subList(0, k)) : scored;
    }

    private static float[] unknown(int parts) {
        float[] scores = new float[parts];
        java.util.Arrays.fill(scores, Float.NaN);
        return scores;
    }

    /** Average query expansion: each part's vector plus its top results' vectors, re-normalized. */
    private List<QueryPart> expand(List<QueryPart> parts, List<ScoredItem> results, boolean dba) {
        List<String> top = results.subList(0, Math.min(aqeDepth, results.size())).stream()
                .map(ScoredItem::itemId).toList();
        List<QueryPart> expanded = new ArrayList<>(parts.size());
        for (QueryPart part : parts) {
            float[] sum = part.vector().clone();
            Map<String, float[]> augmented = dba ? part.index().augmentedVectors(top) : Map.of();
            for (String id : top) {
                float[] vector = dba ? augmented.get(id) : part.index().vector(id).orElse(null);
                if (vector != null) {
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += vector[d];
                    }
                }
            }
            expanded.add(new QueryPart(part.index(), Vectors.normalizeInPlace(sum), part.weight()));
        }
        return expanded;
    }

    private static float dot(float[] vector, float[] query) {
        if (vector == null) {
            return Float.NaN;
        }
        float sum = 0;
        for (int i = 0; i < vector.length; i++) {
            sum += vector[i] * query[i];
        }
        return sum;
    }
}
