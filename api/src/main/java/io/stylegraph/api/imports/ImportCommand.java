package io.stylegraph.api.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * What to import: a named dataset adapter ({@code dataset}, read from {@code path} or the shared data folder), or a
 * folder in the generic import format ({@code path} alone).
 */
@Serdeable
public record ImportCommand(@Nullable @Size(min = 1, max = 64) String dataset,
                            @Nullable @Size(min = 1, max = 4096) String path) {
}
