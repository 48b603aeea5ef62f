package io.stylegraph.models;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns pictures into L2-normalized vectors of a fixed {@link #dimension()}.
 *
 * <p>Implementations in this module are safe to call from several threads at once; {@link #close()} must not
 * race with an {@code encode} call. Batch methods report no progress: the caller measures and logs items/s.
 */
public interface ImageEncoder extends AutoCloseable {

    /** One unit-length vector per image, in input order. */
    List<float[]> encode(List<BufferedImage> images);

    default float[] encode(BufferedImage image) {
        return encode(List.of(image)).get(0);
    }

    int dimension();

    /** Identifies the model and its settings; vectors from different ids are not comparable. */
    String modelId();

    @Override
    void close();
}
