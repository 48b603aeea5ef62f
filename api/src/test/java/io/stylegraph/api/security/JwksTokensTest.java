package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens of an identity provider: the service fetches the provider's public keys from a JWKS URL (a real HTTP server
 * on localhost here) and accepts RS256 tokens signed with them, with the same roles and user scope as its own tokens.
 */
@MicronautTest(transactional = false)
class JwksTokensTest extends ApiTestSupport {
    private static final RSAKey PROVIDER_KEY = rsaKey("provider-1");
    private static final RSAKey STRANGER_KEY = rsaKey("stranger-1");

    private HttpServer provider;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keys = new JWKSet(PROVIDER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        provider.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(keys);
            }
        });
        provider.start();
        properties.put("micronaut.security.token.jwt.signatures.jwks.provider.url",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/.well-known/jwks.json");
        return properties;
    }

    @BeforeAll
    void catalogue() {
        resetCatalogue(1);
    }

    @AfterAll
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void shouldAcceptTokensSignedWithAKeyOfTheConfiguredJwks() {
        String analyst = token(PROVIDER_KEY, "jwks-analyst", "analyst");
        String app = token(PROVIDER_KEY, "jwks-ann", "app");

        assertEquals(HttpStatus.OK, client.toBlocking()
                .exchange(HttpRequest.GET("/v1/items?size=1").bearerAuth(analyst), String.class).getStatus());
        assertEquals(HttpStatus.OK, client.toBlocking()
                .exchange(HttpRequest.GET("/v1/users/jwks-ann/feed?limit=1").bearerAuth(app), String.class)
                .getStatus());
        Problem otherUser = expectProblem(HttpRequest.GET("/v1/users/jwks-bob/feed?limit=1").bearerAuth(app));
        assertEquals(List.of(403, "forbidden-user", "userId"),
                List.of(otherUser.status(), otherUser.code(), otherUser.field()));
        Problem analystWrites = expectProblem(HttpRequest.POST("/v1/imports", "{\"dataset\": \"hm\"}")
                .bearerAuth(analyst));
        assertEquals(List.of(403, "forbidden"), List.of(analystWrites.status(), analystWrites.code()));
    }

    @Test
    void shouldRefuseTokensSignedWithAKeyOutsideTheJwks() {
        Problem refused = expectProblem(HttpRequest.GET("/v1/items?size=1")
                .bearerAuth(token(STRANGER_KEY, "jwks-mallory", "admin")));

        assertEquals(List.of(401, "unauthorized"), List.of(refused.status(), refused.code()));
    }

    private static String token(RSAKey key, String subject, String role) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .claim("roles", List.of(role))
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                        .build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
