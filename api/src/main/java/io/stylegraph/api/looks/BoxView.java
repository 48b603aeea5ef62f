package io.stylegraph.api.looks;

import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.models.regions.Box;

/** A region in pixels of the upright photo: x0/y0 inclusive, x1/y1 exclusive, origin top-left. */
@Serdeable
public record BoxView(double x0, double y0, double x1, double y1) {
    static BoxView of(Box box) {
        return new BoxView(round(box.x0()), round(box.y0()), round(box.x1()), round(box.y1()));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
