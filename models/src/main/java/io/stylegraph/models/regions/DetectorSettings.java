package io.stylegraph.models.regions;

import java.util.List;
import java.util.Locale;

/**
 * How to read an ONNX garment detector.
 *
 * @param classSlots     the slot of each detector class, by class index; a blank entry means the class is ignored
 *                       (e.g. a "person" class). Its size is the detector's class count.
 * @param layout         output layout, or null to tell it from the output's shape ({@link YoloLayout#detect})
 * @param inputSize      square input side used when the model leaves its input size open
 * @param scoreThreshold lowest score kept
 * @param iouThreshold   overlap above which NMS drops the weaker box of a class
 * @param maxRegions     most regions returned per photo
 */
public record DetectorSettings(List<String> classSlots, YoloLayout layout, int inputSize, double scoreThreshold,
                               double iouThreshold, int maxRegions) {

    public DetectorSettings {
        if (classSlots == null || classSlots.isEmpty()) {
            throw new IllegalArgumentException("a detector needs its class-to-slot list (one entry per class)");
        }
        classSlots = classSlots.stream().map(s -> s == null ? "" : s.strip().toLowerCase(Locale.ROOT)).toList();
        if (inputSize < 32 || scoreThreshold < 0 || scoreThreshold > 1 || iouThreshold < 0 || iouThreshold > 1
                || maxRegions < 1) {
            throw new IllegalArgumentException("detector settings out of range: input " + inputSize + ", score "
                    + scoreThreshold + ", iou " + iouThreshold + ", max " + maxRegions);
        }
    }

    /** Defaults of the common YOLO exports: 640 px, score 0.25, IoU 0.45, 20 regions, layout from the shape. */
    public static DetectorSettings of(List<String> classSlots) {
        return new DetectorSettings(classSlots, null, 640, 0.25, 0.45, 20);
    }
}
