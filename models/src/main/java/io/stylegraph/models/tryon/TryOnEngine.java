package io.stylegraph.models.tryon;

/**
 * Renders a person wearing a garment. Implementations: {@link WarpTryOnEngine} (built-in, offline, deterministic),
 * {@link FashnTryOnEngine} and {@link GeminiTryOnEngine} (hosted generative models). An engine may block for as long
 * as its provider takes; it stops early when its thread is interrupted.
 */
public interface TryOnEngine {

    /** The configuration name: {@code warp}, {@code fashn} or {@code gemini}. */
    String name();

    TryOnImage render(TryOnRequest request) throws TryOnException, InterruptedException;
}
