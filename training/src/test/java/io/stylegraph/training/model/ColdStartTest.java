package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ColdStartTest {

    @Test
    void shouldRecommendABrandNewItemSimilarToTheItemsAUserLikes() {
        // items 0-2 are dresses, 3-5 are sneakers (by their vectors); item 6 is a new dress nobody has liked yet
        float[][] visual = {
                {1f, 0.10f}, {1f, 0.15f}, {1f, 0.20f},
                {0.10f, 1f}, {0.15f, 1f}, {0.20f, 1f},
                {1f, 0.12f}};
        InteractionMatrix.Builder likes = InteractionMatrix.builder(8, 7);
        for (int u = 0; u < 4; u++) {
            likes.add(u, u % 3).add(u, (u + 1) % 3);
        }
        for (int u = 4; u < 8; u++) {
            likes.add(u, 3 + u % 3).add(u, 3 + (u + 1) % 3);
        }
        TrainingData data = TrainingData.of(likes.build()).withFeatures(new ItemFeatures(7,
                List.of(new ItemFeatures.Modality("visual", visual, 1.0))));
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withKnnK(3).withKeepRatio(1.0)
                .withMaxEpochs(60);

        EmbeddingModel model = new FreedomTrainer(config).train(data);

        for (int dressFan = 0; dressFan < 4; dressFan++) {
            float newDress = model.score(dressFan, 6);
            for (int sneaker = 3; sneaker < 6; sneaker++) {
                assertTrue(newDress > model.score(dressFan, sneaker),
                        "user " + dressFan + " should prefer the new dress to sneaker " + sneaker);
            }
        }
        for (int sneakerFan = 4; sneakerFan < 8; sneakerFan++) {
            assertTrue(model.score(sneakerFan, 6) < model.score(sneakerFan, 3 + (sneakerFan + 2) % 3));
        }
    }
}
