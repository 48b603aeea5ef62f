package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class FoldInTest {

    @Test
    void shouldPlaceANewUserAtTheMeanOfTheLikedItemsMinusTheDislikedOnes() {
        float[] vector = FoldIn.vector(2, null, List.of(new float[] {1, 0}, new float[] {0, 1}),
                List.of(new float[] {2, 2}), 1.0);

        assertArrayEquals(new float[] {-1.5f, -1.5f}, vector, 1e-6f);
    }

    @Test
    void shouldMoveATrainedUserByTheWeightedMeansWithoutChangingTheTrainedVector() {
        float[] trained = {1, 1};

        float[] vector = FoldIn.vector(2, trained, List.of(new float[] {2, 0}), List.of(), 0.5);

        assertArrayEquals(new float[] {2, 1}, vector, 1e-6f);
        assertArrayEquals(new float[] {1, 1}, trained, 0f);
    }

    @Test
    void shouldNotPlaceAnUnknownUserWithoutLikes() {
        assertNull(FoldIn.vector(2, null, List.of(), List.of(new float[] {1, 0}), 1.0));
    }

    @Test
    void shouldRankANewUsersItemsByTheLikedItemsEmbeddings() {
        // items 0 and 1 point one way, item 2 the other; user 1 was never trained (zero row)
        float[] items = {1, 0, 0.9f, 0.1f, 0, 1};
        EmbeddingModel model = new EmbeddingModel(2, 3, 2, new float[] {0, 1, 0, 0}, items, provenance());
        InteractionMatrix likes = InteractionMatrix.builder(2, 3).add(1, 0).build();

        EmbeddingModel placed = model.withUsersFrom(likes);

        assertEquals(0.9f, placed.score(1, 1), 1e-6f);
        assertEquals(0f, placed.score(1, 2), 1e-6f);
        assertEquals(0f, placed.score(0, 2), 1e-6f, "a user without likes in the matrix has no preference");
        assertArrayEquals(model.itemEmbeddings(), placed.itemEmbeddings(), 0f);
    }

    private static ModelProvenance provenance() {
        return new ModelProvenance("embedding", "test", Map.of(), 0, new DataCounts(2, 3, 0, 0, 0, List.of()), "none",
                0, 0, Map.of(), Instant.EPOCH, 0);
    }

    @Test
    void shouldKeepPopularityTheSameForEveryHistory() {
        PopularityModel popular = new PopularityTrainer().train(TrainingData.of(
                InteractionMatrix.builder(2, 3).add(0, 1).add(1, 1).add(1, 2).build()));

        assertSame(popular, popular.foldIn(InteractionMatrix.empty(2, 3)).orElseThrow());
    }
}
