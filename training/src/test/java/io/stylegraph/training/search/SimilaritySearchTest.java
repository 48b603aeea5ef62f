package io.stylegraph.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Similar items over two small two-dimensional indexes; the encoders are never opened by these queries. */
class SimilaritySearchTest {
    private final Map<Modality, VectorIndex> indexes = new HashMap<>();
    private final LazyEncoders encoders = new LazyEncoders(null);
    private final SimilaritySearch search = new SimilaritySearch(modality -> Optional.ofNullable(indexes.get(modality)),
            encoders, new SearchSettings(10, 0.5, 0.5, 2, HnswSettings.DEFAULT, new DbaSettings(1, 100)));

    @AfterEach
    void close() {
        encoders.close();
    }

    private void index(Modality modality, ItemVector... items) {
        VectorIndex index = new VectorIndex(modality, "m", 2, HnswSettings.DEFAULT, Runnable::run,
                new DbaSettings(1, 100));
        index.upsert(List.of(items));
        indexes.put(modality, index);
    }

    private static ItemVector item(String id, Slot slot, float x, float y) {
        float norm = (float) Math.hypot(x, y);
        return new ItemVector(id, slot, null, new float[] {x / norm, y / norm});
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    private void twoModalities() {
        // by picture, b is close to a and c far; by words, c is close to a and b far
        index(Modality.VISUAL, item("a", Slot.TOP, 1, 0), item("b", Slot.TOP, 1, 0.2f),
                item("c", Slot.BOTTOM, 0, 1));
        index(Modality.TEXT, item("a", Slot.TOP, 1, 0), item("b", Slot.TOP, 0, 1),
                item("c", Slot.BOTTOM, 1, 0.1f));
    }

    @Test
    void shouldRankByTheModalityAskedAndNeverReturnTheItemItself() {
        twoModalities();

        assertEquals(List.of("b", "c"), ids(search.similar("a", SearchModality.VISUAL, SearchFilter.NONE, 5,
                Reranking.NONE)));
        assertEquals(List.of("c", "b"), ids(search.similar("a", SearchModality.TEXT, SearchFilter.NONE, 5,
                Reranking.NONE)));
        assertEquals(false, encoders.opened());
    }

    @Test
    void shouldSumHalfOfEachModalityForHybridSimilarity() {
        twoModalities();
        float[] a = {1, 0};

        List<ScoredItem> hybrid = search.similar("a", SearchModality.HYBRID, SearchFilter.NONE, 5, Reranking.NONE);

        assertEquals(2, hybrid.size());
        for (ScoredItem found : hybrid) {
            double expected = 0.5 * indexes.get(Modality.VISUAL).score(found.itemId(), a)
                    + 0.5 * indexes.get(Modality.TEXT).score(found.itemId(), a);
            assertEquals(expected, found.score(), 1e-6, found.itemId());
        }
    }

    @Test
    void shouldKeepToTheFilter() {
        twoModalities();

        assertEquals(List.of("b"), ids(search.similar("a", SearchModality.TEXT, new SearchFilter(Slot.TOP, null, null),
                5, Reranking.NONE)));
    }

    @Test
    void shouldRefuseAnItemWithoutAVectorInTheModalityAsked() {
        index(Modality.VISUAL, item("a", Slot.TOP, 1, 0), item("b", Slot.TOP, 0, 1));

        NotEmbeddedException missing = assertThrows(NotEmbeddedException.class, () -> search.similar("z",
                SearchModality.VISUAL, SearchFilter.NONE, 5, Reranking.NONE));

        assertEquals("z", missing.itemId());
        assertEquals("Item z has no visual vector yet (no readable image or words, or embedding has not reached it)",
                missing.getMessage());
        assertThrows(NotEmbeddedException.class, () -> search.similar("a", SearchModality.TEXT, SearchFilter.NONE, 5,
                Reranking.NONE));
        assertEquals(List.of("b"), ids(search.similar("a", SearchModality.HYBRID, SearchFilter.NONE, 5,
                Reranking.NONE)));
    }

    @Test
    void shouldSearchByAnEncodedPictureInTheVisualIndexOnly() {
        assertEquals(List.of(), search.byImageVector(new float[] {1, 0}, SearchFilter.NONE, 3));

        twoModalities();

        assertEquals(List.of("a", "b", "c"), ids(search.byImageVector(new float[] {1, 0}, SearchFilter.NONE, 3)));
    }
}
