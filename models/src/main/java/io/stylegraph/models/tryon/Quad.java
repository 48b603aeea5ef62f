package io.stylegraph.models.tryon;

/** A convex quadrilateral in image pixels, corners clockwise from the top left: where a garment is fitted. */
public record Quad(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft) {

    /** The rectangle with corners {@code (x0, y0)} and {@code (x1, y1)}, x1/y1 exclusive as in box files. */
    public static Quad box(double x0, double y0, double x1, double y1) {
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("box must have x1 > x0 and y1 > y0, got " + x0 + "," + y0 + ","
                    + x1 + "," + y1);
        }
        return new Quad(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
    }

    public Point[] corners() {
        return new Point[] {topLeft, topRight, bottomRight, bottomLeft};
    }

    public double minX() {
        return Math.min(Math.min(topLeft.x(), topRight.x()), Math.min(bottomRight.x(), bottomLeft.x()));
    }

    public double maxX() {
        return Math.max(Math.max(topLeft.x(), topRight.x()), Math.max(bottomRight.x(), bottomLeft.x()));
    }

    public double minY() {
        return Math.min(Math.min(topLeft.y(), topRight.y()), Math.min(bottomRight.y(), bottomLeft.y()));
    }

    public double maxY() {
        return Math.max(Math.max(topLeft.y(), topRight.y()), Math.max(bottomRight.y(), bottomLeft.y()));
    }

    /** Whether the point lies inside or on the edge, for a convex quad with corners in either winding. */
    public boolean contains(double x, double y) {
        Point[] c = corners();
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            Point a = c[i];
            Point b = c[(i + 1) % 4];
            double cross = (b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x());
            if (Math.abs(cross) < 1e-9) {
                continue;
            }
            int s = cross > 0 ? 1 : -1;
            if (sign != 0 && s != sign) {
                return false;
            }
            sign = s;
        }
        return true;
    }

    /** This quad with every corner clamped into a {@code width} x {@code height} picture. */
    public Quad clampTo(int width, int height) {
        return new Quad(clamp(topLeft, width, height), clamp(topRight, width, height),
                clamp(bottomRight, width, height), clamp(bottomLeft, width, height));
    }

    private static Point clamp(Point p, int width, int height) {
        return new Point(Math.max(0, Math.min(width, p.x())), Math.max(0, Math.min(height, p.y())));
    }
}
