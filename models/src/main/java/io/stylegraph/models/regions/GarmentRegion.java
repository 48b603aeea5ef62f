package io.stylegraph.models.regions;

import java.util.Objects;

/**
 * A part of a photo that shows one garment.
 *
 * @param slot       outfit slot, lower case as the catalogue names it ({@code top}, {@code bottom}, {@code shoes}...)
 * @param box        where, in the pixels of the upright photo
 * @param confidence 0..1: a detector's score, a client's own value, or a fixed prior for rule-based regions
 * @param source     what found it: {@link RegionSource#wireName()}
 */
public record GarmentRegion(String slot, Box box, double confidence, RegionSource source) {

    public GarmentRegion {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(source, "source");
    }
}
