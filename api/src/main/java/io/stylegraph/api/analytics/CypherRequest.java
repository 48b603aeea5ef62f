package io.stylegraph.api.analytics;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One analyst query: Cypher, its parameters, and optionally fewer rows than the configured cap. */
@Serdeable
public record CypherRequest(
        @Schema(description = "One read-only Cypher statement", example = "MATCH (c:Category) RETURN c.name LIMIT 5")
        @NotBlank @Size(max = 20_000) String query,
        @Schema(description = "Parameters by name ($name in the query); JSON values")
        @Nullable Map<String, Object> params,
        @Schema(description = "Return at most this many rows (1 to the configured cap, stylegraph.analytics.max-rows)")
        @Nullable @Min(1) @Max(1_000_000) Integer maxRows) {
}
