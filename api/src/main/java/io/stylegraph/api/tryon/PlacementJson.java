package io.stylegraph.api.tryon;

import java.io.IOException;
import java.util.Locale;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.models.tryon.BodyKeypoints;
import io.stylegraph.models.tryon.GarmentKind;
import io.stylegraph.models.tryon.Placement;
import io.stylegraph.models.tryon.Point;
import io.stylegraph.models.tryon.Quad;
import io.stylegraph.models.tryon.StoredPlacement;

/**
 * Reads the optional {@code box} and {@code keypoints} form fields and stores them on the job as JSON.
 * <ul>
 * <li>{@code box}: {@code [x0, y0, x1, y1]} or {@code {"x0":..,"y0":..,"x1":..,"y1":..}} in person-photo pixels,
 * x1/y1 exclusive, inside the photo, at least 8 px each way;</li>
 * <li>{@code keypoints}: {@code {"leftShoulder": [x, y], "rightShoulder": .., "leftHip": .., "rightHip": ..,
 * "leftAnkle": .., "rightAnkle": ..}} (the person's left), inside the photo; a top needs shoulders and hips,
 * trousers hips and ankles, a dress all six.</li>
 * </ul>
 * Problems: {@code invalid-box} on field {@code box}, {@code invalid-keypoints} on field {@code keypoints} (400). The
 * JSON kept on the job is a {@link StoredPlacement}.
 */
final class PlacementJson {
    private static final String[] KEYPOINTS = StoredPlacement.KEYPOINTS.toArray(String[]::new);
    private static final double MIN_SIDE = 8;

    private PlacementJson() {
    }

    /** The placement the client asked for and its JSON for the job row (null when neither field was sent). */
    record Parsed(Placement placement, String json) {
    }

    static Parsed parse(JsonMapper mapper, String box, String keypoints, GarmentKind kind, int width, int height) {
        if (box != null && !box.isBlank()) {
            Quad quad = box(read(mapper, box, "box", "invalid-box"), width, height);
            return new Parsed(Placement.box(quad), StoredPlacement.toJson(quad));
        }
        if (keypoints != null && !keypoints.isBlank()) {
            BodyKeypoints points = keypoints(read(mapper, keypoints, "keypoints", "invalid-keypoints"), width, height);
            var missing = points.missingFor(kind);
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest("invalid-keypoints", "keypoints", "A "
                        + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " garment needs keypoints "
                        + String.join(", ", missing));
            }
            return new Parsed(Placement.keypoints(points), StoredPlacement.toJson(points));
        }
        return new Parsed(Placement.ESTIMATED, null);
    }

    /** The placement stored on a job ({@link StoredPlacement}); a stored text that is not JSON is a 400. */
    static Placement fromJson(String json) {
        try {
            return StoredPlacement.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-placement", "placement", "placement is not valid JSON");
        }
    }

    /** {@code box}, {@code keypoints} or {@code body-proportions}, for the job view. */
    static String describe(String json) {
        return StoredPlacement.describe(json);
    }

    private static JsonNode read(JsonMapper mapper, String text, String field, String code) {
        try {
            return mapper.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest(code, field, field + " is not valid JSON");
        }
    }

    private static Quad box(JsonNode node, int width, int height) {
        double[] v = new double[4];
        if (node.isArray() && node.size() == 4) {
            for (int i = 0; i < 4; i++) {
                v[i] = number(node.get(i), "box", "invalid-box");
            }
        } else if (node.isObject()) {
            String[] names = {"x0", "y0", "x1", "y1"};
            for (int i = 0; i < 4; i++) {
                v[i] = number(node.get(names[i]), "box", "invalid-box");
            }
        } else {
            throw ProblemException.badRequest("invalid-box", "box", "box must be [x0, y0, x1, y1] or "
                    + "{\"x0\", \"y0\", \"x1\", \"y1\"} in photo pixels");
        }
        if (v[0] < 0 || v[1] < 0 || v[2] > width || v[3] > height || v[2] - v[0] < MIN_SIDE || v[3] - v[1] < MIN_SIDE) {
            throw ProblemException.badRequest("invalid-box", "box", "box must lie inside the " + width + "x" + height
                    + " photo with x1 > x0 and y1 > y0, at least " + (int) MIN_SIDE + " px each way");
        }
        return Quad.box(v[0], v[1], v[2], v[3]);
    }

    private static BodyKeypoints keypoints(JsonNode node, int width, int height) {
        if (!node.isObject()) {
            throw ProblemException.badRequest("invalid-keypoints", "keypoints", "keypoints must be an object of "
                    + "named [x, y] points: " + String.join(", ", KEYPOINTS));
        }
        Point[] points = new Point[KEYPOINTS.length];
        for (int i = 0; i < KEYPOINTS.length; i++) {
            JsonNode p = node.get(KEYPOINTS[i]);
            if (p == null || p.isNull()) {
                continue;
            }
            if (!p.isArray() || p.size() != 2) {
                throw ProblemException.badRequest("invalid-keypoints", "keypoints", KEYPOINTS[i]
                        + " must be [x, y]");
            }
            double x = number(p.get(0), "keypoints", "invalid-keypoints");
            double y = number(p.get(1), "keypoints", "invalid-keypoints");
            if (x < 0 || y < 0 || x > width || y > height) {
                throw ProblemException.badRequest("invalid-keypoints", "keypoints", KEYPOINTS[i]
                        + " lies outside the " + width + "x" + height + " photo");
            }
            points[i] = new Point(x, y);
        }
        return new BodyKeypoints(points[0], points[1], points[2], points[3], points[4], points[5]);
    }

    private static double number(JsonNode node, String field, String code) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.getDoubleValue())) {
            throw ProblemException.badRequest(code, field, field + " coordinates must be numbers");
        }
        return node.getDoubleValue();
    }
}
