package io.stylegraph.models.preprocess;

import java.util.Locale;

/** How a picture is brought to the model's input size; the names follow open_clip's {@code resize_mode}. */
public enum ResizeMode {
    /** Resize straight to the target size, ignoring aspect ratio (SigLIP checkpoints, FashionSigLIP). */
    SQUASH,
    /** Resize the shortest side to the target, then cut the centre (CLIP checkpoints). */
    SHORTEST;

    public static ResizeMode parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "squash" -> SQUASH;
            case "shortest" -> SHORTEST;
            default -> throw new IllegalArgumentException("unsupported resize_mode '" + name
                    + "' (supported: squash, shortest)");
        };
    }
}
