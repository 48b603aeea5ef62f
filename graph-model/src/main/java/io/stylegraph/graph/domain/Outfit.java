package io.stylegraph.graph.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A set of items worn together. */
public record Outfit(String id, List<OutfitMember> members, Map<String, String> attributes, String source) {
    public Outfit {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
