package io.stylegraph.api.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.stylegraph.models.image.ImageLimits;

/** Which encoders run and what pictures they accept: {@code stylegraph.models.*}. */
@ConfigurationProperties("stylegraph.models")
public class ModelConfiguration {
    @Nullable
    private String siglipDir;
    private long maxImageBytes = 10L * 1024 * 1024;
    private long maxImagePixels = 40_000_000L;

    /** A Marqo-FashionSigLIP model folder (env STYLEGRAPH_SIGLIP_DIR); blank for the built-in encoders. */
    @Nullable
    public String getSiglipDir() {
        return siglipDir;
    }

    public void setSiglipDir(@Nullable String siglipDir) {
        this.siglipDir = siglipDir;
    }

    public long getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setMaxImageBytes(@ReadableBytes long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public long getMaxImagePixels() {
        return maxImagePixels;
    }

    public void setMaxImagePixels(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    public ImageLimits imageLimits() {
        return new ImageLimits(maxImageBytes, maxImagePixels);
    }
}
