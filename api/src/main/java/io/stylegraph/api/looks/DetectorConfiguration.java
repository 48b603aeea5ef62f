package io.stylegraph.api.looks;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The garment detector shop the look uses: {@code stylegraph.detector.*}. Without {@code model} the built-in
 * body-proportion regions are used.
 */
@ConfigurationProperties("stylegraph.detector")
public class DetectorConfiguration {
    @Nullable
    private String model;
    private List<String> classSlots = List.of();
    private String layout = "auto";
    private int inputSize = 640;
    private double scoreThreshold = 0.25;
    private double iouThreshold = 0.45;
    private int maxRegions = 20;

    /** A YOLO-style ONNX detector file (env STYLEGRAPH_DETECTOR_MODEL); blank for the built-in regions. */
    @Nullable
    public String getModel() {
        return model;
    }

    public void setModel(@Nullable String model) {
        this.model = model;
    }

    /** The slot of each detector class, by class index; an empty entry ignores that class. */
    public List<String> getClassSlots() {
        return classSlots;
    }

    public void setClassSlots(List<String> classSlots) {
        this.classSlots = classSlots;
    }

    /** Output layout: auto, v8, v8-rows, v5 or v5-columns. */
    public String getLayout() {
        return layout;
    }

    public void setLayout(String layout) {
        this.layout = layout;
    }

    /** Input side when the model leaves its input size open. */
    public int getInputSize() {
        return inputSize;
    }

    public void setInputSize(int inputSize) {
        this.inputSize = inputSize;
    }

    public double getScoreThreshold() {
        return scoreThreshold;
    }

    public void setScoreThreshold(double scoreThreshold) {
        this.scoreThreshold = scoreThreshold;
    }

    public double getIouThreshold() {
        return iouThreshold;
    }

    public void setIouThreshold(double iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    public int getMaxRegions() {
        return maxRegions;
    }

    public void setMaxRegions(int maxRegions) {
        this.maxRegions = maxRegions;
    }
}
