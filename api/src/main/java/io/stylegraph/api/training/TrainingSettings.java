package io.stylegraph.api.training;

import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.stylegraph.training.model.FreedomConfig;

/** {@code stylegraph.training.*}: where artifacts go and the recommender's main hyperparameters. */
@ConfigurationProperties("stylegraph.training")
public class TrainingSettings {
    private String artifactDir = "data/models";
    private int maxEpochs = 50;
    private int patience = 5;
    private int dimension = 64;
    private double learningRate = 0.001;
    private long seed = 2026;
    private boolean publishEmbeddings = true;

    public FreedomConfig freedomConfig() {
        return FreedomConfig.freedom().withMaxEpochs(maxEpochs).withPatience(patience).withDimension(dimension)
                .withLearningRate(learningRate).withSeed(seed)
                .withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public Path artifactPath() {
        return Path.of(artifactDir).toAbsolutePath().normalize();
    }

    public String getArtifactDir() {
        return artifactDir;
    }

    public void setArtifactDir(String artifactDir) {
        this.artifactDir = artifactDir;
    }

    public int getMaxEpochs() {
        return maxEpochs;
    }

    public void setMaxEpochs(int maxEpochs) {
        this.maxEpochs = maxEpochs;
    }

    public int getPatience() {
        return patience;
    }

    public void setPatience(int patience) {
        this.patience = patience;
    }

    public int getDimension() {
        return dimension;
    }

    public void setDimension(int dimension) {
        this.dimension = dimension;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public boolean isPublishEmbeddings() {
        return publishEmbeddings;
    }

    public void setPublishEmbeddings(boolean publishEmbeddings) {
        this.publishEmbeddings = publishEmbeddings;
    }
}
