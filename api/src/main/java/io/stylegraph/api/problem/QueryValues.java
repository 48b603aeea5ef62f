package io.stylegraph.api.problem;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/** Parses the filter values several endpoints share; an unknown value is a 400 naming the parameter. */
public final class QueryValues {
    private QueryValues() {
    }

    /**
     * An optional text part of a multipart form, or null when it is absent or blank: form clients (browsers, the
     * generated Kotlin client) send a field they were given no value for as an empty part.
     */
    public static String optionalPart(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * An optional JSON part of a multipart form, or null when it is absent, blank or the JSON {@code null}: the
     * generated Kotlin client sends a JSON part it was given no value for as {@code null}.
     */
    public static String optionalJsonPart(String value) {
        String text = optionalPart(value);
        return text == null || text.strip().equals("null") ? null : text;
    }

    /** The slot named by {@code value}, or null when it is absent. */
    public static Slot slot(String value) {
        return value == null ? null : Slot.parse(value).orElseThrow(() -> ProblemException.badRequest(
                "invalid-field", "slot", "slot must be one of top, bottom, dress, outerwear, shoes, bag, accessory, other"));
    }

    /** The gender named by {@code value}, or null when it is absent. */
    public static Gender gender(String value) {
        return value == null ? null : Gender.parse(value).orElseThrow(() -> ProblemException.badRequest(
                "invalid-field", "gender", "gender must be one of men, women, boys, girls, unisex"));
    }

    /**
     * A number in [0, 1] (decimal notation), or null when absent; anything else (NaN, infinity, out of range, not a
     * number) is a 400 {@code invalid-value} naming {@code field}.
     */
    public static Double fraction(String value, String field) {
        if (value == null) {
            return null;
        }
        // JSON's number grammar without a sign: generated clients write small values with an exponent (1.0E-4)
        if (value.matches("([0-9]{1,3}(\\.[0-9]{1,12})?|\\.[0-9]{1,12})([eE][-+]?[0-9]{1,3})?")) {
            double parsed = Double.parseDouble(value);
            if (parsed <= 1) {
                return parsed;
            }
        }
        throw ProblemException.badRequest("invalid-value", field, field + " must be a number from 0 to 1");
    }

    /**
     * A yes/no query parameter: absent is false, {@code true} or {@code false} (any case) as said; anything else is a
     * 400 {@code invalid-value} naming {@code field}, where the framework would have read it as false.
     */
    public static boolean flag(String value, String field) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.badRequest("invalid-value", field, field + " must be true or false");
    }

    /** What an item id in a query may be: 1-128 characters, no whitespace, control characters or commas. */
    private static final Pattern ITEM_ID = Pattern.compile("[^\\s,\\p{Cntrl}]{1,128}");

    /**
     * The item ids of a comma-separated list in parameter {@code field} (empty when absent). Each id must be 1-128
     * characters without whitespace or control characters (surrounding spaces are trimmed), and there may be at most
     * {@code max}; otherwise a 400 {@code invalid-field} naming {@code field}. Ids not in the catalogue are allowed.
     */
    public static Set<String> itemIds(String value, String field, int max) {
        if (value == null) {
            return Set.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length > max) {
            throw ProblemException.badRequest("invalid-field", field,
                    field + " may list at most " + max + " item ids, got " + parts.length);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String id = parts[i].strip();
            if (!ITEM_ID.matcher(id).matches()) {
                throw ProblemException.badRequest("invalid-field", field, field + " must be comma-separated item ids "
                        + "of 1-128 characters without spaces or control characters; entry " + (i + 1) + " is not");
            }
            ids.add(id);
        }
        return Set.copyOf(ids);
    }
}
