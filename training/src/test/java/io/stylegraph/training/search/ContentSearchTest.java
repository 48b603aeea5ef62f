package io.stylegraph.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.model.ContentProfile;
import org.junit.jupiter.api.Test;

/** The content path over two small indexes: the likes' profile and the items nearest to it. */
class ContentSearchTest {
    private final Map<Modality, VectorIndex> indexes = new HashMap<>();

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

    private ContentSearch search(double visualWeight) {
        return new ContentSearch(modality -> Optional.ofNullable(indexes.get(modality)),
                new SearchSettings(10, visualWeight, 0.5, 2, HnswSettings.DEFAULT, DbaSettings.DEFAULT), 0.5, 10);
    }

    @Test
    void shouldHaveNoProfileWithoutALikedItemThatHasAVector() {
        index(Modality.VISUAL, item("a", Slot.TOP, 1, 0));

        assertTrue(search(0.5).profile(Map.of()).isEmpty());
        assertTrue(search(0.5).profile(Map.of("unknown", Signal.LIKE)).isEmpty());
        assertTrue(search(0.5).profile(Map.of("a", Signal.DISLIKE)).isEmpty());
    }

    @Test
    void shouldRankItemsByTheVisualShareOnlyWhenTextWeighsNothing() {
        // by picture b is next to the liked a; by words c is
        index(Modality.VISUAL, item("a", Slot.TOP, 1, 0), item("b", Slot.TOP, 1, 0.1f), item("c", Slot.TOP, 0, 1));
        index(Modality.TEXT, item("a", Slot.TOP, 1, 0), item("b", Slot.TOP, 0, 1), item("c", Slot.TOP, 1, 0.1f));
        Map<String, Signal> rated = Map.of("a", Signal.LIKE);

        ContentProfile visualOnly = search(1).profile(rated).orElseThrow();
        ContentProfile textOnly = search(0).profile(rated).orElseThrow();

        assertEquals(1, visualOnly.parts().size());
        assertEquals(List.of("a", "b", "c"), search(1).candidates(visualOnly, null, 3).stream()
                .map(ScoredItem::itemId).toList());
        assertEquals(List.of("a", "c", "b"), search(0).candidates(textOnly, null, 3).stream()
                .map(ScoredItem::itemId).toList());
    }

    @Test
    void shouldKeepCandidatesToTheSlotAsked() {
        index(Modality.VISUAL, item("a", Slot.TOP, 1, 0), item("b", Slot.BOTTOM, 1, 0.1f),
                item("c", Slot.BOTTOM, 0, 1));
        ContentSearch search = search(1);
        ContentProfile profile = search.profile(Map.of("a", Signal.LIKE)).orElseThrow();

        assertEquals(List.of("b", "c"), search.candidates(profile, Slot.BOTTOM, 5).stream()
                .map(ScoredItem::itemId).toList());
    }

    @Test
    void shouldMeasureTheSpreadAsTheProfileDoesAndFollowAChangedIndex() {
        java.util.Random random = new java.util.Random(5);
        List<ItemVector> visual = new java.util.ArrayList<>();
        List<ItemVector> text = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // every third item has no picture, every fifth no words: the sample's union counts each where it is held
            if (i % 3 != 0) {
                visual.add(item("i" + i, Slot.TOP, random.nextFloat() - 0.3f, random.nextFloat()));
            }
            if (i % 5 != 0) {
                text.add(item("i" + i, Slot.TOP, random.nextFloat(), random.nextFloat() - 0.6f));
            }
        }
        index(Modality.VISUAL, visual.toArray(ItemVector[]::new));
        index(Modality.TEXT, text.toArray(ItemVector[]::new));
        ContentSearch search = search(0.4);
        Map<String, Signal> rated = Map.of("i1", Signal.LIKE, "i2", Signal.LIKE, "i7", Signal.DISLIKE);
        ContentProfile profile = search.profile(rated).orElseThrow();

        assertEquals(2, profile.parts().size());
        assertEquals(profile.spread(10), search.spread(profile));
        assertEquals(profile.spread(10), search.spread(profile), "from the kept sample");

        // a changed vector of a sampled item: the next spread reads the index as it is now
        indexes.get(Modality.TEXT).upsert(List.of(item("i1", Slot.TOP, -1, 0.2f)));
        assertEquals(profile.spread(10), search.spread(profile));
    }
}
