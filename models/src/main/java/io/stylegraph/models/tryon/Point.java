package io.stylegraph.models.tryon;

/** A position in image pixels, origin top-left. */
public record Point(double x, double y) {

    Point plus(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    static Point between(Point a, Point b, double t) {
        return new Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }
}
