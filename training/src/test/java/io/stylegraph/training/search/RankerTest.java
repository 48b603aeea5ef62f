package io.stylegraph.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import org.junit.jupiter.api.Test;

class RankerTest {

    private static VectorIndex index(Modality modality, ItemVector... items) {
        VectorIndex index = new VectorIndex(modality, "m", 2, HnswSettings.DEFAULT, Runnable::run,
                new DbaSettings(1, 100));
        index.upsert(List.of(items));
        return index;
    }

    private static ItemVector item(String id, float x, float y) {
        float norm = (float) Math.hypot(x, y);
        return new ItemVector(id, Slot.TOP, null, new float[] {x / norm, y / norm});
    }

    private static ItemVector angle(String id, double degrees) {
        return item(id, (float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees)));
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void shouldFuseTwoModalitiesByTheirWeightedSimilarities() {
        VectorIndex visual = index(Modality.VISUAL, item("a", 1, 0), item("b", 0.9f, 0.1f), item("c", 0, 1));
        VectorIndex text = index(Modality.TEXT, item("a", 0, 1), item("b", 1, 0), item("c", 1, 0.2f));
        Ranker ranker = new Ranker(10, 2);
        float[] query = {1, 0};

        List<ScoredItem> visualOnly = ranker.rank(List.of(new QueryPart(visual, query, 1)), SearchFilter.NONE, 3,
                Reranking.NONE);
        List<ScoredItem> fused = ranker.rank(List.of(new QueryPart(visual, query, 0.5),
                new QueryPart(text, query, 0.5)), SearchFilter.NONE, 3, Reranking.NONE);

        assertEquals(List.of("a", "b", "c"), ids(visualOnly));
        assertEquals(List.of("b", "a", "c"), ids(fused));
        assertEquals(0.5 * visual.score("b", query) + 0.5 * text.score("b", query), fused.get(0).score(), 1e-6);
    }

    @Test
    void shouldFuseWithEachPartsOwnSearchScoresExactlyAsIfEveryCandidateWereScoredInEveryPart() {
        java.util.Random random = new java.util.Random(5);
        List<ItemVector> visualItems = new java.util.ArrayList<>();
        List<ItemVector> textItems = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i % 7 != 0) { // some items have no visual vector
                visualItems.add(item("i" + i, (float) random.nextGaussian(), (float) random.nextGaussian()));
            }
            textItems.add(item("i" + i, (float) random.nextGaussian(), (float) random.nextGaussian()));
        }
        VectorIndex visual = index(Modality.VISUAL, visualItems.toArray(ItemVector[]::new));
        VectorIndex text = index(Modality.TEXT, textItems.toArray(ItemVector[]::new));
        float[] visualQuery = {0.6f, 0.8f};
        float[] textQuery = {1, 0};
        SearchFilter filter = SearchFilter.NONE.excluding("i13");
        int shortlist = 40;

        List<ScoredItem> fused = new Ranker(shortlist, 2).rank(List.of(new QueryPart(visual, visualQuery, 0.3),
                new QueryPart(text, textQuery, 0.7)), filter, 25, Reranking.NONE);

        java.util.Set<String> pool = new java.util.LinkedHashSet<>();
        visual.search(visualQuery, filter, shortlist).forEach(found -> pool.add(found.itemId()));
        text.search(textQuery, filter, shortlist).forEach(found -> pool.add(found.itemId()));
        List<ScoredItem> expected = pool.stream().map(id -> {
            double score = 0;
            float v = visual.score(id, visualQuery);
            if (!Float.isNaN(v)) {
                score += 0.3 * v;
            }
            score += 0.7 * text.score(id, textQuery);
            return new ScoredItem(id, (float) score);
        }).sorted(java.util.Comparator.comparingDouble(ScoredItem::score).reversed()
                .thenComparing(ScoredItem::itemId)).limit(25).toList();
        assertEquals(expected, fused, "the same items with the same float scores");
    }

    @Test
    void shouldMoveTheQueryTowardsItsTopResultsUnderAqe() {
        // at 0, 30, 50 and -40 degrees from the query: expanding with the top two (a, b) turns the query ~10 degrees
        // towards b, so c (now ~40 degrees away) overtakes d (~50)
        VectorIndex visual = index(Modality.VISUAL, angle("a", 0), angle("b", 30), angle("c", 50), angle("d", -40));
        Ranker ranker = new Ranker(10, 2);
        float[] query = {1, 0};

        assertEquals(List.of("a", "b", "d", "c"), ids(ranker.rank(List.of(new QueryPart(visual, query, 1)),
                SearchFilter.NONE, 4, Reranking.NONE)));
        assertEquals(List.of("a", "b", "c", "d"), ids(ranker.rank(List.of(new QueryPart(visual, query, 1)),
                SearchFilter.NONE, 4, new Reranking(true, false))));
    }

    @Test
    void shouldScoreWithAugmentedVectorsUnderDbaAndStillHonourFilters() {
        VectorIndex visual = index(Modality.VISUAL, item("a", 1, 0), item("b", 0.9f, 0.45f), item("c", 0, 1));
        Ranker ranker = new Ranker(10, 2);

        List<ScoredItem> found = ranker.rank(List.of(new QueryPart(visual, new float[] {1, 0}, 1)),
                new SearchFilter(null, null, "a"), 2, new Reranking(false, true));

        assertEquals(List.of("b", "c"), ids(found));
        float[] augmentedB = visual.augmentedVectors(List.of("b")).get("b");
        assertEquals(augmentedB[0], found.get(0).score(), 1e-6);
    }
}
