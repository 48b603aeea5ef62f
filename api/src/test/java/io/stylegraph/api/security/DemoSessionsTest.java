package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "stylegraph.demo.enabled", value = "true")
@Property(name = "stylegraph.demo.session-ttl", value = "2h")
class DemoSessionsTest extends ApiTestSupport {
    @Inject
    EmbeddedServer server;

    private RawClient raw;

    @BeforeAll
    void client() {
        raw = new RawClient(server.getURI());
    }

    private Map<String, Object> newSession() {
        RawClient.Answer answer = raw.send("POST", "/v1/demo/sessions", null, "application/json", "{}");
        assertEquals(201, answer.status(), answer.body());
        return readMap(answer.body());
    }

    @Test
    void shouldGiveAnAnonymousCallerAFreshUserAndAnAppTokenForIt() {
        Instant before = Instant.now();
        Map<String, Object> session = newSession();
        String userId = (String) session.get("userId");
        String token = (String) session.get("token");
        assertTrue(userId.matches("demo-[a-z0-9]{12}"), userId);
        Instant expiresAt = Instant.parse((String) session.get("expiresAt"));
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofHours(2)).minusSeconds(2))
                && !expiresAt.isAfter(Instant.now().plus(Duration.ofHours(2))), expiresAt.toString());

        assertEquals(200, raw.get("/v1/users/" + userId + "/feed", token).status());
        RawClient.Answer liked = raw.send("POST", "/v1/users/" + userId + "/feedback", token, "application/json",
                "{\"itemId\": \"no-such-item\", \"signal\": \"like\"}");
        assertNotEquals(401, liked.status());
        assertNotEquals(403, liked.status());

        Map<String, Object> other = newSession();
        assertNotEquals(userId, other.get("userId"));
        RawClient.Answer foreign = raw.get("/v1/users/" + other.get("userId") + "/feed", token);
        assertEquals(403, foreign.status());
        assertEquals("forbidden-user", readMap(foreign.body()).get("code"));
        assertEquals(403, raw.send("POST", "/v1/imports", token, "application/json", "{}").status(),
                "a demo session is an app, not an admin");
    }
}
