package io.stylegraph.models.tryon;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link Placement} as a try-on job keeps it: {@code {"box":[x0,y0,x1,y1]}}, or
 * {@code {"keypoints":{"leftShoulder":[x,y],...}}} with the points given; none for {@link Placement#ESTIMATED}.
 */
public final class StoredPlacement {
    /** The keypoints' names, in {@link BodyKeypoints}' order (the person's left). */
    public static final List<String> KEYPOINTS = List.of("leftShoulder", "rightShoulder", "leftHip", "rightHip",
            "leftAnkle", "rightAnkle");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPlacement() {
    }

    /** The JSON of a box placement: its corners. */
    public static String toJson(Quad box) {
        return "{\"box\":[" + box.minX() + "," + box.minY() + "," + box.maxX() + "," + box.maxY() + "]}";
    }

    /** The JSON of a keypoints placement: the points given, by name. */
    public static String toJson(BodyKeypoints k) {
        Point[] points = {k.leftShoulder(), k.rightShoulder(), k.leftHip(), k.rightHip(), k.leftAnkle(),
            k.rightAnkle()};
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < points.length; i++) {
            if (points[i] != null) {
                entries.put(KEYPOINTS.get(i), "[" + points[i].x() + "," + points[i].y() + "]");
            }
        }
        StringBuilder json = new StringBuilder("{\"keypoints\":{");
        entries.forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"').append(name).append("\":").append(value));
        return json.append("}}").toString();
    }

    /**
     * The placement stored on a job; {@link Placement#ESTIMATED} for null.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Placement fromJson(String json) {
        if (json == null) {
            return Placement.ESTIMATED;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("placement is not valid JSON", e);
        }
        if (node.get("box") != null) {
            JsonNode b = node.get("box");
            return Placement.box(Quad.box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                    b.get(3).asDouble()));
        }
        JsonNode k = node.get("keypoints");
        Point[] points = new Point[KEYPOINTS.size()];
        for (int i = 0; i < points.length; i++) {
            JsonNode p = k.get(KEYPOINTS.get(i));
            points[i] = p == null ? null : new Point(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return Placement.keypoints(new BodyKeypoints(points[0], points[1], points[2], points[3], points[4], points[5]));
    }

    /** {@code box}, {@code keypoints} or {@code body-proportions}, for the job view. */
    public static String describe(String json) {
        return json == null ? "body-proportions" : json.startsWith("{\"box\"") ? "box" : "keypoints";
    }
}
