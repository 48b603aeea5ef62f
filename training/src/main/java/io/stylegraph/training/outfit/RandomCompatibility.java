package io.stylegraph.training.outfit;

/**
 * The random baseline: every unordered pair of item ids gets a fixed pseudo-random score in [0, 1) from a seed, so
 * candidates and outfits are ranked at random but repeatably. Measured beside every figure, it shows what chance
 * gives under exactly the same protocol (about 25 % fill-in-the-blank with four candidates, AUC about 0.5).
 */
public final class RandomCompatibility implements CompatibilityModel {

    public static final String NAME = "random";
    private final long seed;

    public RandomCompatibility(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        long ha = mix(a.id().hashCode() * 0x9E3779B97F4A7C15L + seed);
        long hb = mix(b.id().hashCode() * 0x9E3779B97F4A7C15L + seed);
        long h = mix(ha ^ hb) ^ mix(ha + hb);
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
