package io.stylegraph.models.regions;

/**
 * An axis-aligned rectangle in pixel coordinates, origin top-left: {@code x0, y0} inclusive, {@code x1, y1}
 * exclusive (the convention of clothing-co-parsing's boxes), so width is {@code x1 - x0}.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!(x1 >= x0) || !(y1 >= y0)) {
            throw new IllegalArgumentException("box corners out of order: " + x0 + "," + y0 + " " + x1 + "," + y1);
        }
    }

    /** The box of centre {@code cx, cy} and size {@code w x h} (YOLO's encoding). */
    public static Box fromCentre(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double area() {
        return width() * height();
    }

    public boolean isEmpty() {
        return width() <= 0 || height() <= 0;
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box other) {
        double iw = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        double ih = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double intersection = iw * ih;
        return intersection / (area() + other.area() - intersection);
    }

    /** This box cut to {@code [0, width) x [0, height)}; may become empty. */
    public Box clip(int width, int height) {
        double cx0 = clamp(x0, width);
        double cy0 = clamp(y0, height);
        return new Box(cx0, cy0, Math.max(cx0, clamp(x1, width)), Math.max(cy0, clamp(y1, height)));
    }

    /** The whole-pixel box covering this one within an image of the given size: what a crop takes. */
    public int[] pixels(int width, int height) {
        Box c = clip(width, height);
        int px0 = (int) Math.floor(c.x0);
        int py0 = (int) Math.floor(c.y0);
        int px1 = Math.max(px0 + 1, Math.min(width, (int) Math.ceil(c.x1)));
        int py1 = Math.max(py0 + 1, Math.min(height, (int) Math.ceil(c.y1)));
        return new int[] {Math.min(px0, width - 1), Math.min(py0, height - 1), px1, py1};
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
