package io.stylegraph.graph.imports.sources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Slot;

/**
 * Maps a dataset's category names to outfit slots. Exact names are looked up first (case-insensitive); then keyword
 * rules are tried in the order they were added, so a more specific keyword ("sweater dress") must come before a
 * general one ("dress"). Anything unmatched is {@link Slot#OTHER}. Each adapter declares its table as a constant so
 * a reader can check the mapping in one place.
 */
public final class SlotTable {
    private final Map<String, Slot> exact;
    private final List<Map.Entry<String, Slot>> keywords;

    private SlotTable(Map<String, Slot> exact, List<Map.Entry<String, Slot>> keywords) {
        this.exact = Collections.unmodifiableMap(exact);
        this.keywords = List.copyOf(keywords);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Slot slotOf(String category) {
        return find(category).orElse(Slot.OTHER);
    }

    /** The slot the table assigns, or empty when neither a name nor a keyword matches. */
    public Optional<Slot> find(String category) {
        if (category == null || category.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(category);
        Slot slot = exact.get(key);
        if (slot != null) {
            return Optional.of(slot);
        }
        for (Map.Entry<String, Slot> rule : keywords) {
            if (containsWord(key, rule.getKey())) {
                return Optional.of(rule.getValue());
            }
        }
        return Optional.empty();
    }

    /** The exact names this table knows, for documentation and tests. */
    public Map<String, Slot> exactNames() {
        return exact;
    }

    private static boolean containsWord(String text, String keyword) {
        int from = 0;
        while (true) {
            int at = text.indexOf(keyword, from);
            if (at < 0) {
                return false;
            }
            int end = at + keyword.length();
            boolean startsWord = at == 0 || !Character.isLetter(text.charAt(at - 1));
            // allow plurals and simple suffixes: "dress" matches "dresses", "boot" matches "boots"
            boolean endsWord = end == text.length() || !Character.isLetter(text.charAt(end))
                    || text.startsWith("s", end) || text.startsWith("es", end);
            if (startsWord && endsWord) {
                return true;
            }
            from = at + 1;
        }
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public static final class Builder {
        private final Map<String, Slot> exact = new LinkedHashMap<>();
        private final List<Map.Entry<String, Slot>> keywords = new java.util.ArrayList<>();

        public Builder names(Slot slot, String... names) {
            for (String name : names) {
                Slot previous = exact.put(normalize(name), slot);
                if (previous != null && previous != slot) {
                    throw new IllegalArgumentException(name + " is mapped to both " + previous + " and " + slot);
                }
            }
            return this;
        }

        public Builder keywords(Slot slot, String... words) {
            for (String word : words) {
                keywords.add(Map.entry(normalize(word), slot));
            }
            return this;
        }

        public SlotTable build() {
            return new SlotTable(new LinkedHashMap<>(exact), keywords);
        }
    }
}
