package io.stylegraph.training.search;

import java.util.Locale;
import java.util.Optional;

/** Which similarity a "similar items" query ranks by: the photo's, the words', or both mixed. */
public enum SearchModality {
    VISUAL, TEXT, HYBRID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchModality> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SearchModality.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
