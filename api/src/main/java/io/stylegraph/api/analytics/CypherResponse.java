package io.stylegraph.api.analytics;

import java.util.List;
import java.util.Map;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A query's rows, each a map from column to value (nodes as {@code {id, labels, properties}}, relationships as
 * {@code {id, type, start, end, properties}}, paths as {@code {nodes, relationships}}, temporal values as ISO-8601
 * strings; long vectors inside node and relationship properties as {@code {vector: true, dimension}}).
 */
@Serdeable
public record CypherResponse(
        List<String> columns,
        List<Map<String, Object>> rows,
        int rowCount,
        @Schema(description = "True when the query returned more rows than maxRows and the rest were left out")
        boolean truncated,
        int maxRows,
        long elapsedMs) {
}
