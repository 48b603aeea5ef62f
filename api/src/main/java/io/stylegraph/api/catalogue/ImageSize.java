package io.stylegraph.api.catalogue;

import java.util.Locale;

import io.stylegraph.api.problem.ProblemException;

/**
 * The picture variants {@code GET /v1/items/{itemId}/image?size=} serves: {@code full}, the stored file as it is, and
 * {@code thumb}, the same picture scaled down to at most {@link Thumbnails#LONGEST_SIDE} pixels on its longest side,
 * for feed cards on a phone.
 */
public enum ImageSize {
    FULL("full"),
    THUMB("thumb");

    /** The values as the OpenAPI document lists them. */
    public static final String WIRE_NAMES = "full, thumb";

    private final String wireName;

    ImageSize(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The size named by {@code value}; absent means {@code full}; anything else is a 400 naming {@code size}. */
    public static ImageSize parse(String value) {
        if (value == null) {
            return FULL;
        }
        for (ImageSize size : values()) {
            if (size.wireName.equals(value.toLowerCase(Locale.ROOT))) {
                return size;
            }
        }
        throw ProblemException.badRequest("invalid-field", "size", "size must be one of " + WIRE_NAMES);
    }
}
