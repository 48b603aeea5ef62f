package io.stylegraph.training.search;

/** A similar-items query for an item that has no vector in the modality asked (yet). */
public class NotEmbeddedException extends RuntimeException {
    private final String itemId;

    public NotEmbeddedException(String itemId, String message) {
        super(message);
        this.itemId = itemId;
    }

    public String itemId() {
        return itemId;
    }
}
