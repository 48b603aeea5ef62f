package io.stylegraph.training.index;

/**
 * Database-side augmentation.
 *
 * @param neighbours how many nearest neighbours each item's vector is averaged with
 * @param maxCached  how many augmented vectors are kept (least recently used dropped first)
 */
public record DbaSettings(int neighbours, int maxCached) {
    public static final DbaSettings DEFAULT = new DbaSettings(3, 100_000);

    public DbaSettings {
        if (neighbours < 1 || maxCached < 1) {
            throw new IllegalArgumentException("DBA needs neighbours >= 1 and maxCached >= 1");
        }
    }
}
