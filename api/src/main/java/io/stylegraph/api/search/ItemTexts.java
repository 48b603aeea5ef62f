package io.stylegraph.api.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The words an item's text vector is computed from: title, category, colour and description. */
public final class ItemTexts {

    private ItemTexts() {
    }

    /** The non-blank parts joined by ". ", each once; empty when the item has no words. */
    public static String of(String title, String category, String colour, String description) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {title, category, colour, description}) {
            if (part == null || part.isBlank() || !seen.add(part.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(". ");
            }
            text.append(part.strip());
        }
        return text.toString();
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
