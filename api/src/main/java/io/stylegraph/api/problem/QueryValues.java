package io.stylegraph.api.problem;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;

/** Parses the filter values several endpoints share; an unknown value is a 400 naming the parameter. */
public final class QueryValues {
    private QueryValues() {
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
}
