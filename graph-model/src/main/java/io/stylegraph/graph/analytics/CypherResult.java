package io.stylegraph.graph.analytics;

import java.util.List;
import java.util.Map;

/**
 * What an analyst's query returned: its columns in order, the rows as column → value maps of plain JSON-ready values
 * (see {@link CypherValues}), and whether rows were left out because the query returned more than the row cap.
 */
public record CypherResult(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {
    public CypherResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
