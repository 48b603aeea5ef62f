package io.stylegraph.api.training;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Personalized items. {@code strategy}: {@code model} (trained vector), {@code model+fold-in} (trained vector moved by
 * feedback given since), {@code fold-in} (a user the model has not seen, placed by the items they rated), or
 * {@code popular} (no model yet, or nothing known about the user).
 */
@Serdeable
public record RecommendationPage(String userId, @Nullable Long modelVersion, String strategy,
                                 List<Recommendation> items) {
}
