package io.stylegraph.api.recommendations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.stylegraph.training.job.ModelArtifact;
import org.junit.jupiter.api.Test;

class ServedModelTest {

    private static ServedModel randomModel(int users, int items, int d, long seed) {
        Random random = new Random(seed);
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("u" + u);
        }
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        float[] userEmbeddings = new float[users * d];
        float[] itemEmbeddings = new float[items * d];
        for (int j = 0; j < userEmbeddings.length; j++) {
            userEmbeddings[j] = (float) random.nextGaussian();
        }
        for (int j = 0; j < itemEmbeddings.length; j++) {
            itemEmbeddings[j] = (float) random.nextGaussian();
        }
        return new ServedModel(7, new ModelArtifact(null, userIds, itemIds, d, userEmbeddings, itemEmbeddings, Map.of()));
    }

    @Test
    void shouldScoreEveryItemAsTheDotProductWithItsRow() {
        ServedModel model = randomModel(3, 37, 5, 11); // odd sizes: no dimension or row count divides evenly
        for (int u = 0; u < 3; u++) {
            float[] user = model.userVector("u" + u);
            float[] all = model.scoreAll(user).clone();
            for (int row = 0; row < 37; row++) {
                float[] item = model.itemVector(row);
                double expected = 0;
                for (int k = 0; k < 5; k++) {
                    expected += (double) user[k] * item[k];
                }
                assertEquals(expected, all[row], 1e-4, "item row " + row);
                assertEquals(expected, model.score(user, row), 1e-4, "item row " + row);
            }
        }
    }

    @Test
    void shouldGiveTheSameScoresOnEveryCall() {
        ServedModel model = randomModel(2, 64, 8, 3);
        float[] first = model.scoreAll(model.userVector("u0")).clone();
        model.scoreAll(model.userVector("u1"));
        assertArrayEquals(first, model.scoreAll(model.userVector("u0")));
    }
}
