package io.stylegraph.models.regions;

import java.util.Locale;

/** Where garment regions come from, in the order shop-the-look prefers them. */
public enum RegionSource {
    /** Boxes the client sent (e.g. from on-device detection). */
    CLIENT,
    /** An ONNX object detector ({@link OnnxGarmentDetector}). */
    DETECTOR,
    /** The built-in person finder split by body proportions ({@link BodyProportionRegions}). */
    BODY_PROPORTIONS,
    /** Fixed fractions of the whole frame, a baseline for evaluation ({@link FixedProportionRegions}). */
    FIXED_PROPORTIONS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
