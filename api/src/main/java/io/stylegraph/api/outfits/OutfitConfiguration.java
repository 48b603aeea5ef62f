package io.stylegraph.api.outfits;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How outfits are served: {@code stylegraph.outfits.*} (see application.yml and the README). */
@ConfigurationProperties("stylegraph.outfits")
public class OutfitConfiguration {
    private String modelFile = "data/models/outfit-compatibility.sgoutfit";
    private String trainingData = "";
    private boolean trainOnStart = true;
    private int epochs = 20;
    private int members = io.stylegraph.training.outfit.ServingModelTrainer.DEFAULT_MEMBERS;
    private String titleVectorCache = "";
    private double preferenceWeight = 0.5;
    private int pairsPerItem = 3;
    private String textInput = "item-text";
    private double promotionTolerance = 0.05;

    /** The compatibility model file: loaded at start-up when present, written there when trained at start-up. */
    public String getModelFile() {
        return modelFile;
    }

    public void setModelFile(String modelFile) {
        this.modelFile = modelFile;
    }

    /** A Maryland Polyvore folder to train on when there is no model file; blank: the datasets folder's copy. */
    public String getTrainingData() {
        return trainingData;
    }

    public void setTrainingData(String trainingData) {
        this.trainingData = trainingData;
    }

    /** Train a model in the background at start-up when the model file is missing and training data exists. */
    public boolean isTrainOnStart() {
        return trainOnStart;
    }

    public void setTrainOnStart(boolean trainOnStart) {
        this.trainOnStart = trainOnStart;
    }

    public int getEpochs() {
        return epochs;
    }

    public void setEpochs(int epochs) {
        this.epochs = epochs;
    }

    /**
     * Models of successive seeds trained at start-up and served as one (their mean pair score); at least 1. Three
     * score better and cost over three times as much per outfit request (README, Outfit compatibility).
     */
    public int getMembers() {
        return members;
    }

    public void setMembers(int members) {
        this.members = members;
    }

    /** A file that keeps the title vectors between starts (derived data); blank: none. */
    public String getTitleVectorCache() {
        return titleVectorCache;
    }

    public void setTitleVectorCache(String titleVectorCache) {
        this.titleVectorCache = titleVectorCache;
    }

    /** Weight of the shopper's preference (cosine in the recommender's space) beside pair compatibility. */
    public double getPreferenceWeight() {
        return preferenceWeight;
    }

    public void setPreferenceWeight(double preferenceWeight) {
        this.preferenceWeight = preferenceWeight;
    }

    /** PAIRS_WITH edges written per item after a model or catalogue change; 0 writes none. */
    public int getPairsPerItem() {
        return pairsPerItem;
    }

    public void setPairsPerItem(int pairsPerItem) {
        this.pairsPerItem = pairsPerItem;
    }

    /**
     * The words of an item the model trained at start-up reads the vector of: {@code item-text} (the item's search
     * text: title, category, colour, ...; outfits then share the search's text vectors and encode nothing of their
     * own) or {@code name} (the title alone, encoded by the outfit model's own pass).
     */
    public String getTextInput() {
        return textInput;
    }

    public void setTextInput(String textInput) {
        this.textInput = textInput;
    }

    /**
     * How much lower (relative) a newly trained model's dev-slice FITB may be than the active version's and still
     * replace it: 0.05 lets 0.70 fall to 0.665, about the sampling noise of the 133-outfit dev slice.
     */
    public double getPromotionTolerance() {
        return promotionTolerance;
    }

    public void setPromotionTolerance(double promotionTolerance) {
        this.promotionTolerance = promotionTolerance;
    }
}
