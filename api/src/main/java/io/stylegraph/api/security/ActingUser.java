package io.stylegraph.api.security;

import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.stylegraph.api.problem.ProblemException;

/**
 * The one user a request may act for when its token confines it to that user on the route it calls (an {@code app}
 * token with no other role the route admits). {@link UserScopeRule} records it on the request; endpoints that reach
 * a user's data without a {@code {userId}} in the path check ownership with it.
 */
public final class ActingUser {
    static final String ATTRIBUTE = "stylegraph.security.acting-user";

    private ActingUser() {
    }

    /** The user the caller is confined to, or empty when it may act for any user this route admits. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    /** Whether the caller may touch data of {@code userId} (null: data of no user). */
    public static boolean mayActFor(HttpRequest<?> request, String userId) {
        return of(request).map(actingUser -> actingUser.equals(userId)).orElse(true);
    }

    /** Throws 403 {@code forbidden-user} naming {@code field} when the caller is confined to a user other than {@code userId}. */
    public static void requireMayActFor(HttpRequest<?> request, String userId, String field) {
        if (userId != null && !mayActFor(request, userId)) {
            throw forbidden(of(request).orElseThrow(), userId, field);
        }
    }

    static ProblemException forbidden(String actingUser, Object requestedUser, String field) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden-user", field,
                "This token acts for user '" + actingUser + "' only, not for '" + requestedUser + "'");
    }
}
