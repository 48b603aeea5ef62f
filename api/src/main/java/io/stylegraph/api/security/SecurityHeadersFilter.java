package io.stylegraph.api.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Adds the browser-hardening headers to every response, error responses included: it runs first, so it sees the
 * answers of the filters after it (401/403 from security, 429 from the rate limit) too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {
    private final SecurityHeadersConfiguration configuration;

    public SecurityHeadersFilter(SecurityHeadersConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        String policy = request.getPath().startsWith("/swagger-ui/")
                ? configuration.getSwaggerUiContentSecurityPolicy() : configuration.getContentSecurityPolicy();
        if (!policy.isBlank()) {
            response.header("Content-Security-Policy", policy);
        }
        if (!configuration.getStrictTransportSecurity().isBlank()) {
            response.header("Strict-Transport-Security", configuration.getStrictTransportSecurity());
        }
    }
}
