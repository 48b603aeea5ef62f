package io.stylegraph.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.RawClient;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small limits so a handful of requests exhaust them; the sustained rates are slow enough not to refill mid-test. */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.rate-limit.requests-per-second", value = "0.2")
@Property(name = "stylegraph.rate-limit.burst", value = "3")
@Property(name = "stylegraph.rate-limit.expensive-requests-per-second", value = "0.05")
@Property(name = "stylegraph.rate-limit.expensive-burst", value = "1")
class RateLimitTest extends ApiTestSupport {

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private RawClient raw;

    @BeforeAll
    void client() {
        raw = new RawClient(server.getURI());
    }

    private String admin(String subject) {
        return subject == null ? null : issuer.issue(subject, List.of(Roles.ADMIN), Duration.ofMinutes(5)).token();
    }

    private RawClient.Answer get(String path, String subject) {
        return raw.get(path, admin(subject));
    }

    @Test
    void shouldRefuseAClientPastItsBurstWithRetryAfterAndLeaveOthersAlone() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/v1/items", "busy-ann").status(), "request " + i + " of the burst");
        }
        RawClient.Answer refused = get("/v1/items", "busy-ann");
        assertEquals(429, refused.status());
        assertTrue(String.valueOf(refused.header("Content-Type")).startsWith("application/problem+json"));
        Map<String, Object> problem = readMap(refused.body());
        assertEquals("rate-limited", problem.get("code"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "0.2 per second: a token within 5 s, got " + retryAfter);
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));

        assertEquals(200, get("/v1/items", "calm-bob").status(), "another token subject has its own bucket");
    }

    @Test
    void shouldNeverLimitHealth() {
        for (int i = 0; i < 8; i++) {
            assertEquals(200, get("/health", null).status());
        }
    }

    @Test
    void shouldLimitAnonymousCallersByAddress() {
        int served = 0;
        RawClient.Answer last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = get("/swagger/stylegraph-v1.yml", null);
            served += last.status() == 200 ? 1 : 0;
        }
        assertEquals(429, last.status());
        assertTrue(served <= 3, "at most the burst of 3 served before the refusal, got " + served);
    }

    @Test
    void shouldGiveUploadsTheirOwnSmallerBucket() {
        String form = RawClient.multipart("k", "5");
        String type = RawClient.multipartType();
        RawClient.Answer first = raw.send("POST", "/v1/search/image", admin("uploader-cy"), type, form);
        assertNotEquals(429, first.status(), first.body());
        RawClient.Answer second = raw.send("POST", "/v1/search/image", admin("uploader-cy"), type, form);
        assertEquals(429, second.status(), "an expensive burst of 1");
        long retryAfter = Long.parseLong(second.header("Retry-After"));
        assertTrue(retryAfter > 5 && retryAfter <= 20, "0.05 per second: about 20 s, got " + retryAfter);
        assertEquals(200, get("/v1/items", "uploader-cy").status(), "cheap requests still go through");
    }
}
