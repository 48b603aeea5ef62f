package io.stylegraph.models.tryon;

/**
 * How the client placed the garment: a box, body keypoints, or neither (then {@link BodyProportions}). A box wins
 * over keypoints when both are given.
 */
public record Placement(Quad box, BodyKeypoints keypoints) {
    public static final Placement ESTIMATED = new Placement(null, null);

    public static Placement box(Quad box) {
        return new Placement(box, null);
    }

    public static Placement keypoints(BodyKeypoints keypoints) {
        return new Placement(null, keypoints);
    }

    /** The region of a {@code width} x {@code height} person photo the garment is fitted to, clamped to the photo. */
    public Quad regionFor(GarmentKind kind, int width, int height) {
        Quad region = box != null ? box
                : keypoints != null ? keypoints.regionFor(kind)
                : BodyProportions.regionFor(kind, width, height);
        return region.clampTo(width, height);
    }

    public String describe() {
        return box != null ? "box" : keypoints != null ? "keypoints" : "body-proportions";
    }
}
