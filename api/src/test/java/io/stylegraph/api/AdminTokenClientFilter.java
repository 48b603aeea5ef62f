package io.stylegraph.api;

import java.time.Duration;
import java.util.List;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;

/**
 * Tests run with security on. The API tests that are not about security call endpoints as an admin: this signs their
 * requests (when they carry no Authorization header of their own) with the test secret from application-test.yml.
 * Security tests set their own headers, or use a plain JDK client.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
public class AdminTokenClientFilter {
    private final TokenIssuer issuer;
    private volatile String token;

    public AdminTokenClientFilter(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @RequestFilter
    public void signAsAdmin(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(token());
        }
    }

    private String token() {
        String current = token;
        if (current == null) {
            current = issuer.issue("test-admin", List.of(Roles.ADMIN), Duration.ofDays(1)).token();
            token = current;
        }
        return current;
    }
}
