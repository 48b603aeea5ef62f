package io.stylegraph.models;

import java.util.List;

/**
 * Turns words into L2-normalized vectors of a fixed {@link #dimension()}.
 *
 * <p>Implementations in this module are safe to call from several threads at once; {@link #close()} must not
 * race with an {@code encode} call. Blank texts are rejected with {@link IllegalArgumentException}: callers
 * decide what an item without words should get. Batch methods report no progress: the caller logs items/s.
 */
public interface TextEncoder extends AutoCloseable {

    /** One unit-length vector per text, in input order. */
    List<float[]> encode(List<String> texts);

    default float[] encode(String text) {
        return encode(List.of(text)).get(0);
    }

    int dimension();

    /** Identifies the model and its settings; vectors from different ids are not comparable. */
    String modelId();

    @Override
    void close();
}
