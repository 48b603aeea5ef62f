package io.stylegraph.graph.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of content feature vector an item carries: {@code visual} from its photo, {@code text} from its words. Each
 * is stored on the {@code Item} node under {@link #property()}, with the model that produced it under
 * {@link #modelProperty()} and what it was computed from under {@link #inputProperty()}.
 */
public enum Modality {
    VISUAL, TEXT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Node property holding the vector: {@code visual} or {@code text}. */
    public String property() {
        return wireName();
    }

    /** Node property naming the encoder the vector came from. */
    public String modelProperty() {
        return wireName() + "Model";
    }

    /** Node property identifying the input the vector came from (image path, or a digest of the text). */
    public String inputProperty() {
        return wireName() + "Input";
    }

    /** Name of the Neo4j vector index over {@link #property()}. */
    public String indexName() {
        return "item_" + wireName();
    }

    public static Optional<Modality> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Modality.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
