package io.stylegraph.training.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The words an item's text vector is computed from: title, category, brand, colour, the item's further category names
 * (catalogues that file an item under several, such as Amazon's browse categories) and description.
 */
public final class ItemTexts {

    private ItemTexts() {
    }

    /** The non-blank parts joined by ". ", each once; empty when the item has no words. */
    public static String of(String title, String category, String colour, String description) {
        return of(title, category, colour, description, null, List.of());
    }

    /**
     * The non-blank parts in the order title, category, brand, colour, categories, description, joined by ". ", each
     * once; the category names not already said are joined by ", " into one part, in the order given (most specific
     * first). Without brand and categories the text is the one of {@link #of(String, String, String, String)}, so
     * items of single-category catalogues keep their text and their vectors.
     */
    public static String of(String title, String category, String colour, String description, String brand,
                            List<String> categories) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {title, category, brand, colour}) {
            append(text, seen, part);
        }
        if (categories != null && !categories.isEmpty()) {
            StringJoiner names = new StringJoiner(", ");
            for (String name : categories) {
                if (name != null && !name.isBlank() && seen.add(key(name))) {
                    names.add(name.strip());
                }
            }
            append(text, seen, names.toString());
        }
        append(text, seen, description);
        return text.toString();
    }

    private static void append(StringBuilder text, Set<String> seen, String part) {
        if (part == null || part.isBlank() || !seen.add(key(part))) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(". ");
        }
        text.append(part.strip());
    }

    private static String key(String part) {
        return part.strip().toLowerCase(Locale.ROOT);
    }

    /** A short fingerprint of the text, stored beside the vector so a changed text is noticed and embedded again. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
