package io.stylegraph.graph.domain;

import java.util.Locale;
import java.util.Optional;

/** What a shopper said about an item or outfit. */
public enum Signal {
    LIKE("LIKED"), DISLIKE("DISLIKED");

    private final String relationshipType;

    Signal(String relationshipType) {
        this.relationshipType = relationshipType;
    }

    /** The Neo4j relationship type this signal is projected to. */
    public String relationshipType() {
        return relationshipType;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Signal> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "like", "liked" -> Optional.of(LIKE);
            case "dislike", "disliked" -> Optional.of(DISLIKE);
            default -> Optional.empty();
        };
    }
}
