package io.stylegraph.models.regions;

import java.util.List;

import io.stylegraph.models.image.RgbImage;

/**
 * A baseline that does not look at the pixels: top, bottom and shoes as fixed fractions of the frame, set to the
 * median garment boxes of clothing-co-parsing (a centred, full-length person in a portrait photo). Region finders
 * that look at the photo must beat it to be worth their cost.
 */
public final class FixedProportionRegions implements GarmentRegionFinder {

    /** slot, x0, y0, x1, y1 as fractions of the frame. */
    private static final Object[][] BOXES = {
            {"top", 0.28, 0.18, 0.68, 0.53},
            {"bottom", 0.32, 0.45, 0.61, 0.86},
            {"shoes", 0.36, 0.86, 0.56, 0.96}};

    static final double CONFIDENCE = 0.1;

    @Override
    public List<GarmentRegion> find(RgbImage photo) {
        int w = photo.width();
        int h = photo.height();
        return java.util.Arrays.stream(BOXES).map(b -> new GarmentRegion((String) b[0],
                new Box((double) b[1] * w, (double) b[2] * h, (double) b[3] * w, (double) b[4] * h),
                CONFIDENCE, RegionSource.FIXED_PROPORTIONS)).toList();
    }

    @Override
    public RegionSource source() {
        return RegionSource.FIXED_PROPORTIONS;
    }
}
