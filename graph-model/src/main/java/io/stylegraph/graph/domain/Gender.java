package io.stylegraph.graph.domain;

import java.util.Locale;
import java.util.Optional;

/** Who a garment is cut for, as catalogues state it. */
public enum Gender {
    MEN, WOMEN, BOYS, GIRLS, UNISEX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Gender> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "men", "man", "male", "menswear", "mens", "men's" -> Optional.of(MEN);
            case "women", "woman", "female", "ladies", "ladieswear", "womens", "women's" -> Optional.of(WOMEN);
            case "boys", "boy", "boy's" -> Optional.of(BOYS);
            case "girls", "girl", "girl's" -> Optional.of(GIRLS);
            case "unisex" -> Optional.of(UNISEX);
            default -> Optional.empty();
        };
    }
}
