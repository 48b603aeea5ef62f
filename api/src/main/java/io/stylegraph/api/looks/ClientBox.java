package io.stylegraph.api.looks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A garment region the client found itself, in pixels of the upright photo; {@code confidence} 0..1, optional. */
@Serdeable
public record ClientBox(@Nullable String slot, @Nullable Double x0, @Nullable Double y0, @Nullable Double x1,
                        @Nullable Double y1, @Nullable Double confidence) {
}
