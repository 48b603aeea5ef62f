package io.stylegraph.models.tryon;

/**
 * Where a garment sits on a standing, full-length, centred person when nothing else is known: fractions of the
 * photo, the medians of the garment boxes of the clothing-co-parsing street photos (top 0.275-0.68 x 0.18-0.528,
 * bottom 0.317-0.614 x 0.445-0.862, dress 0.301-0.642 x 0.223-0.725).
 */
public final class BodyProportions {
    private BodyProportions() {
    }

    public static Quad regionFor(GarmentKind kind, int width, int height) {
        return switch (kind) {
            case UPPER -> Quad.box(0.275 * width, 0.18 * height, 0.68 * width, 0.528 * height);
            case LOWER -> Quad.box(0.317 * width, 0.445 * height, 0.614 * width, 0.862 * height);
            case FULL_BODY -> Quad.box(0.301 * width, 0.223 * height, 0.642 * width, 0.725 * height);
        };
    }
}
