package io.stylegraph.models.regions;

import java.util.List;

import io.stylegraph.models.image.RgbImage;

/** Finds garment regions in an upright photo. Implementations are thread-safe. */
public interface GarmentRegionFinder {

    /** Regions found, best first within a slot; empty when nothing is found. */
    List<GarmentRegion> find(RgbImage photo);

    RegionSource source();
}
