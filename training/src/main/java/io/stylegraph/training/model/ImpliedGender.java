package io.stylegraph.training.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;

/**
 * The gender a user's likes imply: one when at least {@value #MIN_LIKES} liked items state a non-unisex gender and
 * at least {@value #PERCENT} % of those are that gender; else none. Recommendations are then held to that gender or
 * unisex unless the request names one.
 */
public final class ImpliedGender {
    /** Liked items with a stated non-unisex gender needed before the likes imply one. */
    public static final int MIN_LIKES = 2;
    /** Share of those, in percent, that must be one gender. */
    public static final int PERCENT = 70;

    private ImpliedGender() {
    }

    /**
     * @param rated    the user's opinions by item id
     * @param genderOf an item's stated gender, or null for an item without one (or one the catalogue lacks)
     * @return the implied gender, or null
     */
    public static Gender of(Map<String, Signal> rated, Function<String, Gender> genderOf) {
        Map<Gender, Integer> counts = new EnumMap<>(Gender.class);
        int gendered = 0;
        for (Map.Entry<String, Signal> opinion : rated.entrySet()) {
            if (opinion.getValue() != Signal.LIKE) {
                continue;
            }
            Gender gender = genderOf.apply(opinion.getKey());
            if (gender != null && gender != Gender.UNISEX) {
                counts.merge(gender, 1, Integer::sum);
                gendered++;
            }
        }
        if (gendered < MIN_LIKES) {
            return null;
        }
        for (Map.Entry<Gender, Integer> count : counts.entrySet()) {
            if (count.getValue() * 100 >= PERCENT * gendered) {
                return count.getKey();
            }
        }
        return null;
    }
}
