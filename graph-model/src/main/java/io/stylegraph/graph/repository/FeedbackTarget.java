package io.stylegraph.graph.repository;

/** What feedback can be about: an item or an outfit. */
public enum FeedbackTarget {
    ITEM("Item"), OUTFIT("Outfit");

    private final String label;

    FeedbackTarget(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
