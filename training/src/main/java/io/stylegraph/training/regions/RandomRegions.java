package io.stylegraph.training.regions;

import java.util.List;
import java.util.SplittableRandom;

import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.RegionSource;

/**
 * Chance level for the region report: per slot a box with uniformly random corners in the frame, seeded by the
 * photo id so the figures repeat. Evaluation only, never served.
 */
public final class RandomRegions {

    private final List<String> slots;
    private final long seed;

    public RandomRegions(List<String> slots, long seed) {
        this.slots = List.copyOf(slots);
        this.seed = seed;
    }

    public List<GarmentRegion> regions(String photoId, int width, int height) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + photoId.hashCode());
        return slots.stream().map(slot -> {
            double xa = random.nextDouble() * width;
            double xb = random.nextDouble() * width;
            double ya = random.nextDouble() * height;
            double yb = random.nextDouble() * height;
            return new GarmentRegion(slot, new Box(Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb),
                    Math.max(ya, yb)), 0, RegionSource.FIXED_PROPORTIONS);
        }).toList();
    }
}
