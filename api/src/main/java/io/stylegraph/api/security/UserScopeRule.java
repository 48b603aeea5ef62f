package io.stylegraph.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import io.stylegraph.api.problem.ProblemResponseProcessor;

/**
 * "An app acts only for its subject": when the only role of a token that a route's {@code @Secured} admits is
 * {@code app}, the request is confined to the token's subject. A {@code {userId}} path variable naming anyone else is
 * refused here (403 {@code forbidden-user}); the subject is recorded on the request ({@link ActingUser}) for endpoints
 * that find the owner elsewhere. Runs before the {@code @Secured} rule, which then decides by role as usual.
 */
@Singleton
public class UserScopeRule implements SecurityRule<HttpRequest<?>> {
    public static final int ORDER = SecuredAnnotationRule.ORDER - 10;
    static final String USER_ID_VARIABLE = "userId";

    @Override
    @SuppressWarnings("rawtypes")
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || authentication == null) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(route instanceof MethodBasedRouteMatch<?, ?> method)) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        List<String> admitted = method.getValue(Secured.class, String[].class).map(Arrays::asList).orElse(List.of());
        if (!confinedToSubject(authentication.getRoles(), admitted)) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        String subject = authentication.getName();
        request.setAttribute(ActingUser.ATTRIBUTE, subject);
        if (route instanceof UriRouteMatch<?, ?> uri) {
            Object userId = uri.getVariableValues().get(USER_ID_VARIABLE);
            if (userId != null && !subject.equals(userId.toString())) {
                request.setAttribute(ProblemResponseProcessor.REFUSED_USER_ATTRIBUTE, userId.toString());
                return Mono.just(SecurityRuleResult.REJECTED);
            }
        }
        return Mono.just(SecurityRuleResult.UNKNOWN);
    }

    /** True when {@code app} is the only one of the token's roles the route admits. */
    static boolean confinedToSubject(Collection<String> tokenRoles, List<String> admitted) {
        if (!tokenRoles.contains(Roles.APP) || !admitted.contains(Roles.APP)) {
            return false;
        }
        return tokenRoles.stream().noneMatch(role -> !Roles.APP.equals(role) && admitted.contains(role));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
