package io.stylegraph.graph.domain;

import java.util.Map;
import java.util.Objects;

/** A shopper. Attributes come from datasets that describe their customers (age, club status, ...). */
public record User(String id, Map<String, Object> attributes, String source) {
    public User {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
