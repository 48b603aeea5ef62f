package io.stylegraph.api.recommendations;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;

/**
 * What the service knows of a shopper's taste right now: every item opinion (graph history and the feedback log,
 * the log winning), the liked items newest first (log likes by time, then older graph likes by id), the gender
 * the likes imply, and, when a recommender model is served and can place the user, the preference vector with
 * fresh feedback folded in.
 *
 * @param vector   null when no model is served or the user cannot be placed (no trained vector, no liked item the
 *                 model knows)
 * @param strategy {@code model}, {@code model+fold-in}, {@code fold-in} or {@code popular} (no vector)
 */
public record UserTaste(Map<String, Signal> rated, List<String> likedNewestFirst, @Nullable Gender impliedGender,
                        @Nullable ServedModel model, @Nullable float[] vector, String strategy) {

    public UserTaste {
        rated = Map.copyOf(rated);
        likedNewestFirst = List.copyOf(likedNewestFirst);
    }

    public boolean disliked(String itemId) {
        return rated.get(itemId) == Signal.DISLIKE;
    }
}
