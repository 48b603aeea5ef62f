package io.stylegraph.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Small limits so a handful of requests exhaust them; the sustained rates are slow enough not to refill mid-test. */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.rate-limit.requests-per-second", value = "0.2")
@Property(name = "stylegraph.rate-limit.burst", value = "3")
@Property(name = "stylegraph.rate-limit.expensive-requests-per-second", value = "0.05")
@Property(name = "stylegraph.rate-limit.expensive-burst", value = "1")
class RateLimitTest extends ApiTestSupport {
    private static final String BOUNDARY = "rate-limit-boundary";

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String subject, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (subject != null) {
            request.header("Authorization", "Bearer " + issuer.issue(subject, List.of(Roles.ADMIN),
                    Duration.ofMinutes(5)).token());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String subject) throws Exception {
        return send("GET", path, subject, null, null);
    }

    @Test
    void shouldRefuseAClientPastItsBurstWithRetryAfterAndLeaveOthersAlone() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/v1/items", "busy-ann").statusCode(), "request " + i + " of the burst");
        }
        HttpResponse<String> refused = get("/v1/items", "busy-ann");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<String, Object> problem = readMap(refused.body());
        assertEquals("rate-limited", problem.get("code"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "0.2 per second: a token within 5 s, got " + retryAfter);
        assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(null));

        assertEquals(200, get("/v1/items", "calm-bob").statusCode(), "another token subject has its own bucket");
    }

    @Test
    void shouldNeverLimitHealth() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertEquals(200, get("/health", null).statusCode());
        }
    }

    @Test
    void shouldLimitAnonymousCallersByAddress() throws Exception {
        int served = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 6 && (last == null || last.statusCode() != 429); i++) {
            last = get("/swagger/stylegraph-v1.yml", null);
            served += last.statusCode() == 200 ? 1 : 0;
        }
        assertEquals(429, last.statusCode());
        assertTrue(served <= 3, "at most the burst of 3 served before the refusal, got " + served);
    }

    @Test
    void shouldGiveUploadsTheirOwnSmallerBucket() throws Exception {
        String form = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\n5\r\n--" + BOUNDARY + "--\r\n";
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        HttpResponse<String> first = send("POST", "/v1/search/image", "uploader-cy", type, form);
        assertNotEquals(429, first.statusCode(), first.body());
        HttpResponse<String> second = send("POST", "/v1/search/image", "uploader-cy", type, form);
        assertEquals(429, second.statusCode(), "an expensive burst of 1");
        long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 5 && retryAfter <= 20, "0.05 per second: about 20 s, got " + retryAfter);
        assertEquals(200, get("/v1/items", "uploader-cy").statusCode(), "cheap requests still go through");
    }
}
