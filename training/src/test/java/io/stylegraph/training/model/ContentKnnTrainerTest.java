package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentKnnTrainerTest {

    /** Items 0–2 are dresses, 3–5 shoes; item 2 and 5 have no like at all. */
    private static TrainingData data() {
        InteractionMatrix likes = InteractionMatrix.builder(3, 6)
                .add(0, 0).add(1, 3).add(1, 4).add(2, 1).add(2, 0).build();
        float[][] content = {
                {1, 0}, {0.9f, 0.1f}, {0.95f, 0.05f}, {0, 1}, {0.1f, 0.9f}, {0.05f, 0.95f}};
        ItemFeatures features = new ItemFeatures(6, List.of(new ItemFeatures.Modality("category", content, 1.0)));
        return new TrainingData(likes, InteractionMatrix.empty(3, 6), Optional.empty(), features);
    }

    @Test
    void shouldScoreItemsByTheirContentSimilarityToTheUsersLikes() {
        ItemKnnModel model = new ContentKnnTrainer(3).train(data()); // each item and its two nearest
        float[] scores = new float[2 * 6];

        model.scorer().score(new int[] {0, 1}, scores);

        // user 0 liked dress 0: the other dresses (2 is nearest, then 1) beat every shoe, including the cold dress
        assertTrue(scores[2] > scores[1], "nearest dress first");
        assertTrue(scores[1] > scores[3] && scores[1] > scores[4] && scores[1] > scores[5]);
        // user 1 liked shoes 3 and 4: the cold shoe 5, never liked by anyone, comes through its content
        assertTrue(scores[6 + 5] > scores[6 + 0] && scores[6 + 5] > scores[6 + 1] && scores[6 + 5] > scores[6 + 2]);
    }

    @Test
    void shouldBreakEqualContentScoresByPopularity() {
        ItemKnnModel model = new ContentKnnTrainer(1).train(data());
        float[] scores = new float[6];

        model.scorer().score(new int[] {0}, scores);

        // with k = 1 user 0's like reaches no other item: the order is train popularity (0 has 2 likes, 3, 4, 1 one)
        assertTrue(scores[0] > scores[1] && scores[1] > scores[2], java.util.Arrays.toString(scores));
        assertEquals(scores[2], scores[5], 1e-9f);
    }

    @Test
    void shouldRefuseDataWithoutContent() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContentKnnTrainer(5).train(TrainingData.of(InteractionMatrix.builder(1, 2).add(0, 0).build())));
    }
}
