package io.stylegraph.models.tryon;

import java.util.ArrayList;
import java.util.List;

/**
 * Body keypoints of the person photo as a pose estimator gives them (COCO names; "left" is the person's left).
 * Shoulders and hips are needed for tops and dresses, hips and ankles for trousers and skirts.
 */
public record BodyKeypoints(Point leftShoulder, Point rightShoulder, Point leftHip, Point rightHip,
                            Point leftAnkle, Point rightAnkle) {

    /** Names of the keypoints a garment kind needs and this set lacks; empty when it can be fitted. */
    public List<String> missingFor(GarmentKind kind) {
        List<String> missing = new ArrayList<>();
        if (kind != GarmentKind.LOWER) {
            addIfNull(missing, leftShoulder, "leftShoulder");
            addIfNull(missing, rightShoulder, "rightShoulder");
        }
        addIfNull(missing, leftHip, "leftHip");
        addIfNull(missing, rightHip, "rightHip");
        if (kind != GarmentKind.UPPER) {
            addIfNull(missing, leftAnkle, "leftAnkle");
            addIfNull(missing, rightAnkle, "rightAnkle");
        }
        return missing;
    }

    /**
     * The region a garment covers, built from the keypoints: shoulder line widened for sleeves and raised for the
     * collar, hip line widened for the cut, ankles for trousers; dresses end between hips and ankles (knee height).
     */
    public Quad regionFor(GarmentKind kind) {
        List<String> missing = missingFor(kind);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("keypoints missing for " + kind + ": " + missing);
        }
        // the person faces the camera, so their right shoulder is on the image's left
        Point hipL = leftOf(rightHip, leftHip);
        Point hipR = rightOf(rightHip, leftHip);
        double hipWidth = Math.abs(hipR.x() - hipL.x());
        if (kind == GarmentKind.LOWER) {
            Point ankleL = leftOf(rightAnkle, leftAnkle);
            Point ankleR = rightOf(rightAnkle, leftAnkle);
            double pad = Math.max(4, 0.25 * hipWidth);
            return new Quad(hipL.plus(-pad, -0.1 * hipWidth), hipR.plus(pad, -0.1 * hipWidth), ankleR.plus(pad, 0),
                    ankleL.plus(-pad, 0));
        }
        Point shoulderL = leftOf(rightShoulder, leftShoulder);
        Point shoulderR = rightOf(rightShoulder, leftShoulder);
        double shoulderWidth = Math.abs(shoulderR.x() - shoulderL.x());
        double sleeve = Math.max(4, 0.3 * shoulderWidth);
        double collar = 0.12 * Math.abs(hipL.y() - shoulderL.y());
        Point bottomL = hipL;
        Point bottomR = hipR;
        if (kind == GarmentKind.FULL_BODY) {
            bottomL = Point.between(hipL, leftOf(rightAnkle, leftAnkle), 0.6);
            bottomR = Point.between(hipR, rightOf(rightAnkle, leftAnkle), 0.6);
        }
        double hem = Math.max(4, 0.2 * hipWidth);
        return new Quad(shoulderL.plus(-sleeve, -collar), shoulderR.plus(sleeve, -collar), bottomR.plus(hem, 0),
                bottomL.plus(-hem, 0));
    }

    private static void addIfNull(List<String> missing, Point point, String name) {
        if (point == null) {
            missing.add(name);
        }
    }

    private static Point leftOf(Point a, Point b) {
        return a.x() <= b.x() ? a : b;
    }

    private static Point rightOf(Point a, Point b) {
        return a.x() <= b.x() ? b : a;
    }
}
