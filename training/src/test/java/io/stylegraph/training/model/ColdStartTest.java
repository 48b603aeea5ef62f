package io.stylegraph.training.model;

import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Three categories of eight liked items each plus one cold item per category, described by sparse category
     * vectors (category, and a sub-style shared by half). A shopper whose only like is a cold item is placed by
     * fold-in at that item's embedding: the items nearest to it must be of its category.
     */
    @Test
    void shouldPlaceAShopperWhoseOnlyLikeIsAColdItemAmongItemsOfItsCategory() {
        int categories = 3;
        int perCategory = 9; // the 9th of each category is cold
        int items = categories * perCategory;
        float[][] content = new float[items][];
        for (int i = 0; i < items; i++) {
            content[i] = new float[categories + 2];
            content[i][i / perCategory] = 0.8f;
            content[i][categories + (i % 2)] = 0.6f;
        }
        int users = 36;
        InteractionMatrix.Builder likes = InteractionMatrix.builder(users, items);
        java.util.Random random = new java.util.Random(4);
        for (int u = 0; u < users; u++) {
            int category = u % categories;
            for (int k = 0; k < 4; k++) {
                likes.add(u, category * perCategory + random.nextInt(perCategory - 1));
            }
        }
        TrainingData data = TrainingData.of(likes.build()).withFeatures(new ItemFeatures(items,
                List.of(new ItemFeatures.Modality("category", content, 1.0))));
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withKnnK(4).withKeepRatio(1.0)
                .withMaxEpochs(40).withContentEmbedding(true);

        EmbeddingModel model = new FreedomTrainer(config).train(data);

        int d = model.dimension();
        float[] itemEmbeddings = model.itemEmbeddings();
        for (int category = 0; category < categories; category++) {
            int cold = category * perCategory + perCategory - 1;
            float[] shopper = java.util.Arrays.copyOfRange(itemEmbeddings, cold * d, cold * d + d);
            Integer[] others = java.util.stream.IntStream.range(0, items).filter(i -> i != cold).boxed()
                    .toArray(Integer[]::new);
            java.util.Arrays.sort(others, java.util.Comparator.comparingDouble(i -> -dot(shopper, itemEmbeddings,
                    i * d, d)));
            for (int r = 0; r < 5; r++) {
                assertEquals(category, others[r] / perCategory, "rank " + r + " for the cold item of category "
                        + category + ": " + java.util.Arrays.toString(others));
            }
        }
    }

    private static double dot(float[] a, float[] table, int offset, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            sum += a[j] * table[offset + j];
        }
        return sum;
    }
}
