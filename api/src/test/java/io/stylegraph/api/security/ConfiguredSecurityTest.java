package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.value.MapPropertyResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The settings a deployment sets: allowed CORS origins, the tokens' issuer and audience, HSTS behind TLS. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.cors.enabled", value = "true")
@Property(name = "micronaut.server.cors.configurations.web.allowed-origins", value = "https://shop.example,https://demo.example")
@Property(name = "micronaut.security.token.jwt.claims-validators.issuer", value = "https://id.stylegraph.example")
@Property(name = "micronaut.security.token.jwt.claims-validators.audience", value = "stylegraph-api")
@Property(name = "stylegraph.security-headers.strict-transport-security", value = "max-age=31536000; includeSubDomains")
class ConfiguredSecurityTest extends ApiTestSupport {
    private static final String SECRET = "stylegraph-test-secret-for-tests-only-0123456789";

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private RawClient raw;

    @BeforeAll
    void client() {
        raw = new RawClient(server.getURI());
    }

    @Test
    void shouldAnswerPreflightsOnlyForAllowedOrigins() {
        RawClient.Answer allowed = raw.send("OPTIONS", "/v1/items", null, null, null, "Origin", "https://shop.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals("https://shop.example", allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"));

        RawClient.Answer other = raw.send("OPTIONS", "/v1/items", null, null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertNull(other.header("Access-Control-Allow-Origin"));

        RawClient.Answer call = raw.send("GET", "/v1/items", issuer.issue("web", List.of(Roles.APP),
                Duration.ofMinutes(5)).token(), null, null, "Origin", "https://demo.example");
        assertEquals(200, call.status(), call.body());
        assertEquals("https://demo.example", call.header("Access-Control-Allow-Origin"));
        assertTrue(call.header("Access-Control-Expose-Headers").contains("Retry-After"));
    }

    @Test
    void shouldAcceptOnlyTokensOfTheConfiguredIssuerAndAudience() {
        String ours = issuer.issue("iss-ann", List.of(Roles.ADMIN), Duration.ofMinutes(5)).token();
        assertEquals(200, raw.get("/v1/items", ours).status(), "the issuer puts the configured iss and aud in its tokens");

        String plain = new TokenIssuer(new MapPropertyResolver(Map.of(SigningSecret.PROPERTY, SECRET)))
                .issue("iss-ann", List.of(Roles.ADMIN), Duration.ofMinutes(5)).token();
        assertEquals(401, raw.get("/v1/items", plain).status(), "no iss and aud: refused");

        String otherIssuer = new TokenIssuer(new MapPropertyResolver(Map.of(SigningSecret.PROPERTY, SECRET,
                TokenIssuer.ISSUER_PROPERTY, "https://elsewhere.example", TokenIssuer.AUDIENCE_PROPERTY, "stylegraph-api")))
                .issue("iss-ann", List.of(Roles.ADMIN), Duration.ofMinutes(5)).token();
        assertEquals(401, raw.get("/v1/items", otherIssuer).status());

        String otherAudience = new TokenIssuer(new MapPropertyResolver(Map.of(SigningSecret.PROPERTY, SECRET,
                TokenIssuer.ISSUER_PROPERTY, "https://id.stylegraph.example", TokenIssuer.AUDIENCE_PROPERTY, "other-api")))
                .issue("iss-ann", List.of(Roles.ADMIN), Duration.ofMinutes(5)).token();
        assertEquals(401, raw.get("/v1/items", otherAudience).status());
    }

    @Test
    void shouldSendStrictTransportSecurityWhenConfigured() {
        assertEquals("max-age=31536000; includeSubDomains",
                raw.get("/health", null).header("Strict-Transport-Security"));
    }
}
