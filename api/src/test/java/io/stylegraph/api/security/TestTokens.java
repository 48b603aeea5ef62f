package io.stylegraph.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.core.value.MapPropertyResolver;

/** Tokens for the security tests: good ones signed with the test secret, and the kinds the service must refuse. */
final class TestTokens {
    private final TokenIssuer issuer;

    TestTokens(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    String of(String subject, String... roles) {
        return issuer.issue(subject, List.of(roles), Duration.ofHours(1)).token();
    }

    String expired(String subject, String... roles) {
        return issuer.issue(subject, List.of(roles), Duration.ofHours(-1)).token();
    }

    /** An admin token signed with a secret the service does not know. */
    static String foreign(String subject, String... roles) {
        TokenIssuer other = new TokenIssuer(new MapPropertyResolver(Map.of(SigningSecret.PROPERTY,
                "some-other-secret-that-the-service-does-not-know-0123")));
        return other.issue(subject, List.of(roles), Duration.ofHours(1)).token();
    }
}
