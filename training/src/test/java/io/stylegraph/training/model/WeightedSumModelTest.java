package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.ItemFeatures;
import org.junit.jupiter.api.Test;

class WeightedSumModelTest {

    private static TrainingData data(InteractionMatrix likes) {
        float[][] visual = {{1, 0}, {0, 1}, {1, 1}};
        float[][] text = {{0, 1}, {1, 0}, {1, 0}};
        return new TrainingData(likes, InteractionMatrix.empty(likes.numUsers(), 3), Optional.empty(),
                new ItemFeatures(3, List.of(new ItemFeatures.Modality("visual", visual, 1),
                        new ItemFeatures.Modality("text", text, 1))));
    }

    @Test
    void shouldScoreTheWeightedSumOfThePartsRawScores() {
        // the user liked item 0: visual profile (1, 0), text profile (0, 1)
        TrainingData data = data(InteractionMatrix.builder(1, 3).add(0, 0).build());
        ContentProfileTrainer trainer = new ContentProfileTrainer();
        WeightedSumModel sum = new WeightedSumModel(List.of(
                new WeightedSumModel.Part(trainer.train(data, "visual").orElseThrow(), 0.25),
                new WeightedSumModel.Part(trainer.train(data, "text").orElseThrow(), 0.75)));
        float[] scores = new float[3];

        sum.scorer().score(new int[] {0}, scores);

        // visual cosines 1, 0, 1/√2; text cosines 1, 0, 0
        float r = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[] {1f, 0f, 0.25f * r}, scores, 1e-6f);
    }

    @Test
    void shouldFoldInEveryPartFromTheGivenLikes() {
        TrainingData data = data(InteractionMatrix.builder(1, 3).add(0, 0).build());
        ContentProfileTrainer trainer = new ContentProfileTrainer();
        WeightedSumModel sum = new WeightedSumModel(List.of(
                new WeightedSumModel.Part(trainer.train(data, "visual").orElseThrow(), 0.5),
                new WeightedSumModel.Part(trainer.train(data, "text").orElseThrow(), 0.5)));
        float[] scores = new float[3];

        sum.foldIn(InteractionMatrix.builder(1, 3).add(0, 1).build()).orElseThrow().scorer()
                .score(new int[] {0}, scores);

        // liked item 1 instead: visual profile (0, 1), text profile (1, 0)
        float r = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[] {0f, 1f, 0.5f * r + 0.5f}, scores, 1e-6f);
    }

    @Test
    void shouldRefusePartsOverDifferentItems() {
        TrainingData data = data(InteractionMatrix.builder(1, 3).add(0, 0).build());
        ContentProfileModel three = new ContentProfileTrainer().train(data, "visual").orElseThrow();
        RecommenderModel two = new PopularityTrainer().train(TrainingData.of(
                InteractionMatrix.builder(1, 2).add(0, 0).build()));
        assertThrows(IllegalArgumentException.class, () -> new WeightedSumModel(List.of(
                new WeightedSumModel.Part(three, 1), new WeightedSumModel.Part(two, 1))));
        assertThrows(IllegalArgumentException.class, () -> new WeightedSumModel(List.of()));
    }
}
