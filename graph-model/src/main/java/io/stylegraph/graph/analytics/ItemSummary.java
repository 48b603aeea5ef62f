package io.stylegraph.graph.analytics;

import org.neo4j.driver.Value;

/** An item as analytics answers name it: id, title, outfit slot, category, gender (any may be null but the id). */
public record ItemSummary(String id, String title, String slot, String category, String gender) {

    /** Reads the map {@link #projection} returns. */
    static ItemSummary of(Value value) {
        return new ItemSummary(value.get("id").asString(), text(value.get("title")), text(value.get("slot")),
                text(value.get("category")), text(value.get("gender")));
    }

    private static String text(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Cypher for a map of the fields {@link #of} reads, from the item bound to {@code variable}. */
    static String projection(String variable) {
        return variable + " {.id, .title, .slot, .category, .gender}";
    }
}
