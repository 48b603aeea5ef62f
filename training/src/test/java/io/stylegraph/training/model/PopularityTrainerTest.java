package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PopularityTrainerTest {

    @Test
    void shouldScoreItemsByTheirNumberOfTrainLikesForEveryUser() {
        InteractionMatrix likes = InteractionMatrix.builder(3, 3).add(0, 2).add(1, 2).add(2, 0).build();

        PopularityModel model = new PopularityTrainer().train(TrainingData.of(likes));
        float[] scores = new float[6];
        model.scorer().score(new int[] {0, 2}, scores);

        assertArrayEquals(new float[] {1, 0, 2, 1, 0, 2}, scores);
        assertEquals("popular", model.name());
        assertEquals(3, model.provenance().data().trainLikes());
    }
}
