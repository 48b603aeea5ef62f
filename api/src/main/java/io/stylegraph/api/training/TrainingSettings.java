package io.stylegraph.api.training;

import java.nio.file.Path;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.stylegraph.training.job.ContentBlendSelection;
import io.stylegraph.training.job.TrainingRequirements;
import io.stylegraph.training.model.FreedomConfig;

/** {@code stylegraph.training.*}: where artifacts go and the recommender's main hyperparameters. */
@ConfigurationProperties("stylegraph.training")
public class TrainingSettings {
    private String artifactDir = "data/models";
    private int maxEpochs = 50;
    private int patience = 5;
    private int dimension = 64;
    private double learningRate = 0.005;
    private long seed = 2026;
    private boolean publishEmbeddings = true;
    private java.util.List<Double> contentBlendGrid = ContentBlendSelection.DEFAULT_GRID;
    private int itemWalkK = io.stylegraph.training.job.WalkBlendSelection.DEFAULT_K;
    private int itemWalkLookalikes = io.stylegraph.training.job.WalkBlendSelection.DEFAULT_LOOKALIKES;
    private int itemWalkBudget = io.stylegraph.training.job.WalkBlendSelection.DEFAULT_BUDGET;
    private java.util.List<Double> itemWalkGrid = io.stylegraph.training.job.WalkBlendSelection.DEFAULT_GRID;
    private java.util.List<Double> itemWalkExponents =
            io.stylegraph.training.job.WalkBlendSelection.DEFAULT_EXPONENTS;
    private Requirements requirements = new Requirements();

    /**
     * {@code stylegraph.training.requirements.*}: the least data a run starts on (see {@link TrainingRequirements});
     * a request below it is refused with 422 {@code insufficient-data}.
     */
    @ConfigurationProperties("requirements")
    public static class Requirements {
        private int minUsers = TrainingRequirements.DEFAULTS.minUsers();
        private int minLikes = TrainingRequirements.DEFAULTS.minLikes();
        private int minItems = TrainingRequirements.DEFAULTS.minItems();
        private int minValidationLikes = TrainingRequirements.DEFAULTS.minValidationLikes();

        public int getMinUsers() {
            return minUsers;
        }

        public void setMinUsers(int minUsers) {
            this.minUsers = minUsers;
        }

        public int getMinLikes() {
            return minLikes;
        }

        public void setMinLikes(int minLikes) {
            this.minLikes = minLikes;
        }

        public int getMinItems() {
            return minItems;
        }

        public void setMinItems(int minItems) {
            this.minItems = minItems;
        }

        public int getMinValidationLikes() {
            return minValidationLikes;
        }

        public void setMinValidationLikes(int minValidationLikes) {
            this.minValidationLikes = minValidationLikes;
        }
    }

    public TrainingRequirements trainingRequirements() {
        return new TrainingRequirements(requirements.minUsers, requirements.minLikes, requirements.minItems,
                requirements.minValidationLikes);
    }

    public Requirements getRequirements() {
        return requirements;
    }

    public void setRequirements(Requirements requirements) {
        this.requirements = requirements;
    }

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

    /**
     * {@code stylegraph.training.content-blend-grid}: the weights of the content path in the served blend that each
     * run tries on its validation split; the best is stored with the model and served with it.
     */
    public java.util.List<Double> getContentBlendGrid() {
        return contentBlendGrid;
    }

    public void setContentBlendGrid(java.util.List<Double> contentBlendGrid) {
        this.contentBlendGrid = java.util.List.copyOf(contentBlendGrid);
    }

    /**
     * {@code stylegraph.training.item-walk-k}: neighbours per item of the item-walk each run may blend into the served
     * model (items liked by the same users); 0 turns the walk off.
     */
    public int getItemWalkK() {
        return itemWalkK;
    }

    public void setItemWalkK(int itemWalkK) {
        if (itemWalkK < 0) {
            throw new IllegalArgumentException("stylegraph.training.item-walk-k must be 0 (off) or positive: "
                    + itemWalkK);
        }
        this.itemWalkK = itemWalkK;
    }

    /**
     * {@code stylegraph.training.item-walk-grid}: the walk weights each run tries beside the model alone on its
     * validation split; the best (0 where the model alone wins) is stored with the model and served with it.
     */
    /** Lookalikes an item nobody liked with another takes its walk scores from; 0 turns them off. */
    public int getItemWalkLookalikes() {
        return itemWalkLookalikes;
    }

    public void setItemWalkLookalikes(int itemWalkLookalikes) {
        if (itemWalkLookalikes < 0) {
            throw new IllegalArgumentException("stylegraph.training.item-walk-lookalikes must be 0 or more, got "
                    + itemWalkLookalikes);
        }
        this.itemWalkLookalikes = itemWalkLookalikes;
    }

    /**
     * Walk entries a shopper's scores read at most, over all their likes (each like's strongest neighbours); the run
     * chooses its blend with it and the service walks within it.
     */
    public int getItemWalkBudget() {
        return itemWalkBudget;
    }

    public void setItemWalkBudget(int itemWalkBudget) {
        if (itemWalkBudget < 1) {
            throw new IllegalArgumentException("stylegraph.training.item-walk-budget must be positive, got "
                    + itemWalkBudget);
        }
        this.itemWalkBudget = itemWalkBudget;
    }

    public java.util.List<Double> getItemWalkGrid() {
        return itemWalkGrid;
    }

    public void setItemWalkGrid(java.util.List<Double> itemWalkGrid) {
        this.itemWalkGrid = java.util.List.copyOf(itemWalkGrid);
    }

    /**
     * {@code stylegraph.training.item-walk-exponents}: powers in (0, 1] of the walk's per-user scores each run tries
     * with each walk weight (below 1 a few very strong walks weigh less in the standardized blend).
     */
    public java.util.List<Double> getItemWalkExponents() {
        return itemWalkExponents;
    }

    public void setItemWalkExponents(java.util.List<Double> itemWalkExponents) {
        this.itemWalkExponents = java.util.List.copyOf(itemWalkExponents);
    }

    /** The run's item-walk selection, or null where the walk is off. */
    public io.stylegraph.training.job.WalkBlendSelection walkBlends() {
        return itemWalkK == 0 ? null
                : new io.stylegraph.training.job.WalkBlendSelection(itemWalkK, itemWalkGrid, itemWalkExponents)
                        .withLookalikes(itemWalkLookalikes).withBudget(itemWalkBudget);
    }

    public boolean isPublishEmbeddings() {
        return publishEmbeddings;
    }

    public void setPublishEmbeddings(boolean publishEmbeddings) {
        this.publishEmbeddings = publishEmbeddings;
    }
}
