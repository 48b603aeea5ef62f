package io.stylegraph.models.tryon;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One try-on: the person photo (upright), the garment's product photo, what kind of garment it is and how the
 * client placed it. Hosted engines use only the two photos and the kind; the built-in warp also uses the placement.
 */
public record TryOnRequest(BufferedImage person, BufferedImage garment, GarmentKind kind, Placement placement) {
    public TryOnRequest {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(garment, "garment");
        Objects.requireNonNull(kind, "kind");
        placement = placement == null ? Placement.ESTIMATED : placement;
    }
}
