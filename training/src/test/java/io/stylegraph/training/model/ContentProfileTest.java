package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.VectorIndex;
import org.junit.jupiter.api.Test;

class ContentProfileTest {

    private static final double SQRT5 = Math.sqrt(5);

    private static VectorIndex index(Modality modality, Map<String, float[]> vectors) {
        VectorIndex index = new VectorIndex(modality, "m", 2, HnswSettings.DEFAULT, Runnable::run,
                DbaSettings.DEFAULT);
        index.upsert(vectors.entrySet().stream()
                .map(e -> new ItemVector(e.getKey(), Slot.TOP, Gender.UNISEX, e.getValue())).toList());
        return index;
    }

    /** Visual (weight 0.75): a (1, 0), b (0, 1), c (0.6, 0.8). Text (0.25): a (0, 1), c (1, 0); b has no text. */
    private static List<ContentProfile.Source> sources() {
        Map<String, float[]> visual = new LinkedHashMap<>();
        visual.put("a", new float[] {1f, 0f});
        visual.put("b", new float[] {0f, 1f});
        visual.put("c", new float[] {0.6f, 0.8f});
        Map<String, float[]> text = new LinkedHashMap<>();
        text.put("a", new float[] {0f, 1f});
        text.put("c", new float[] {1f, 0f});
        return List.of(new ContentProfile.Source(index(Modality.VISUAL, visual), 0.75),
                new ContentProfile.Source(index(Modality.TEXT, text), 0.25));
    }

    private static Map<String, Signal> likeADislikeB() {
        Map<String, Signal> rated = new LinkedHashMap<>();
        rated.put("a", Signal.LIKE);
        rated.put("b", Signal.DISLIKE);
        return rated;
    }

    @Test
    void shouldPlaceTheProfileAtTheLikesMinusWeightedDislikesInEachModality() {
        ContentProfile profile = ContentProfile.of(sources(), likeADislikeB(), 0.5).orElseThrow();

        // visual: a − 0.5·b = (1, −0.5), unit (2, −1)/√5; text: a alone, b has no text vector
        assertEquals(2, profile.parts().size());
        ContentProfile.Part visual = profile.parts().get(0);
        assertArrayEquals(new float[] {(float) (2 / SQRT5), (float) (-1 / SQRT5)}, visual.vector(), 1e-6f);
        assertEquals(0.75, visual.weight(), 1e-12);
        assertEquals(List.of("a"), visual.likedIds());
        assertArrayEquals(new float[] {0f, 1f}, profile.parts().get(1).vector(), 1e-6f);
        assertEquals(0.25, profile.parts().get(1).weight(), 1e-12);
    }

    @Test
    void shouldScoreAnItemByItsWeightedCosinesToTheProfile() {
        ContentProfile profile = ContentProfile.of(sources(), likeADislikeB(), 0.5).orElseThrow();

        // c: 0.75·(0.6·2 − 0.8)/√5 + 0.25·0; b: visual only, 0.75·(−1/√5); a: 0.75·2/√5 + 0.25·1
        assertEquals(0.3 / SQRT5, profile.score("c"), 1e-6);
        assertEquals(-0.75 / SQRT5, profile.score("b"), 1e-6);
        assertEquals(1.5 / SQRT5 + 0.25, profile.score("a"), 1e-6);
        assertTrue(Double.isNaN(profile.score("unknown")));
    }

    @Test
    void shouldStandardizeByTheScoresOfTheSampledItems() {
        ContentProfile profile = ContentProfile.of(sources(), likeADislikeB(), 0.5).orElseThrow();
        double[] scores = {1.5 / SQRT5 + 0.25, -0.75 / SQRT5, 0.3 / SQRT5};
        double mean = (scores[0] + scores[1] + scores[2]) / 3;
        double variance = (scores[0] * scores[0] + scores[1] * scores[1] + scores[2] * scores[2]) / 3 - mean * mean;

        Standardization spread = profile.spread(10);

        assertEquals(mean, spread.mean(), 1e-6);
        assertEquals(Math.sqrt(variance), spread.deviation(), 1e-6);
    }

    @Test
    void shouldRescaleTheWeightsOverTheModalitiesWithALikedVector() {
        ContentProfile profile = ContentProfile.of(sources(), Map.of("b", Signal.LIKE), 0.5).orElseThrow();

        assertEquals(1, profile.parts().size());
        assertEquals(1.0, profile.parts().get(0).weight(), 1e-12);
        assertEquals(0.8, profile.score("c"), 1e-6);
    }

    @Test
    void shouldHaveNoProfileWithoutALikedItemThatHasAVector() {
        assertTrue(ContentProfile.of(sources(), Map.of("unknown", Signal.LIKE), 0.5).isEmpty());
        assertTrue(ContentProfile.of(sources(), Map.of("a", Signal.DISLIKE), 0.5).isEmpty());
        assertTrue(ContentProfile.of(sources(), Map.of(), 0.5).isEmpty());
    }

    @Test
    void shouldNameTheClosestLikedItemAndBreakTiesByTheSmallestId() {
        ContentProfile profile = ContentProfile.of(sources(), likeADislikeB(), 0.5).orElseThrow();
        // c to a: 0.75·0.6 visual + 0.25·0 text
        ContentProfile.Closest closest = profile.closestLiked("c").orElseThrow();
        assertEquals("a", closest.likedItemId());
        assertEquals(0.45, closest.similarity(), 1e-6);
        assertTrue(profile.closestLiked("unknown").isEmpty());

        Map<String, float[]> twins = new LinkedHashMap<>();
        twins.put("twin-b", new float[] {1f, 0f});
        twins.put("twin-a", new float[] {1f, 0f});
        twins.put("c", new float[] {0.6f, 0.8f});
        List<ContentProfile.Source> visualOnly = List.of(new ContentProfile.Source(index(Modality.VISUAL, twins), 1));
        ContentProfile tied = ContentProfile.of(visualOnly, Map.of("twin-b", Signal.LIKE, "twin-a", Signal.LIKE), 0.5)
                .orElseThrow();
        assertEquals(new ContentProfile.Closest("twin-a", 0.6), round(tied.closestLiked("c").orElseThrow()));
    }

    private static ContentProfile.Closest round(ContentProfile.Closest closest) {
        return new ContentProfile.Closest(closest.likedItemId(), Math.round(closest.similarity() * 1e6) / 1e6);
    }

    @Test
    void shouldWeighPairwiseCosinesOverTheModalitiesBothItemsHave() {
        ToDoubleBiFunction<String, String> similarity = ContentProfile.pairwise(sources(), List.of("a", "b", "c"));

        assertEquals(0.45, similarity.applyAsDouble("a", "c"), 1e-6); // (0.75·0.6 + 0.25·0) / 1
        assertEquals(0.8, similarity.applyAsDouble("b", "c"), 1e-6); // visual only: 0.75·0.8 / 0.75
        assertEquals(0.0, similarity.applyAsDouble("a", "b"), 1e-6);
        assertEquals(0.0, similarity.applyAsDouble("a", "unknown"));
    }
}
