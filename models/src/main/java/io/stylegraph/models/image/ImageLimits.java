package io.stylegraph.models.image;

/**
 * Bounds on an uploaded picture.
 *
 * @param maxBytes  largest encoded size accepted
 * @param maxPixels largest width times height accepted; a decoded picture takes about 4 bytes per pixel
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 20 MiB and 40 megapixels (about 160 MB decoded). */
    public static final ImageLimits DEFAULT = new ImageLimits(20L * 1024 * 1024, 40_000_000L);

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
