package io.stylegraph.api.ratelimit;

import java.security.Principal;
import java.time.Duration;
import java.util.Set;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.web.router.RouteMatch;
import io.stylegraph.api.problem.Problem;

/**
 * Per-client rate limit: 429 {@code rate-limited} with {@code Retry-After} (whole seconds) once a client's bucket is
 * empty. The client is the token's subject when the request carries a valid token, else its remote address; so this
 * runs after the security filter. Health and metrics are never limited.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "stylegraph.rate-limit.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
public class RateLimitFilter implements Ordered {
    private static final Set<String> UNLIMITED = Set.of("/health", "/prometheus");

    private final RateLimiter limiter;
    private final HttpClientAddressResolver addresses;

    public RateLimitFilter(RateLimiter limiter, HttpClientAddressResolver addresses) {
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> limit(HttpRequest<?> request) {
        if (unlimited(request.getPath())) {
            return null;
        }
        Duration wait = limiter.acquire(client(request), expensive(request));
        if (wait.isZero()) {
            return null;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem(Problem.typeUri("rate-limited"), HttpStatus.TOO_MANY_REQUESTS.getReason(), 429,
                "Too many requests from this client; retry in " + seconds + " s", request.getPath(), "rate-limited",
                null, null);
        return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(problem);
    }

    static boolean unlimited(String path) {
        return UNLIMITED.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private String client(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName).map(name -> "subject:" + name)
                .orElseGet(() -> "address:" + addresses.resolve(request));
    }

    private static boolean expensive(HttpRequest<?> request) {
        RouteMatch<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        return route != null && route.getAnnotationMetadata().hasAnnotation(ExpensiveRequest.class);
    }
}
