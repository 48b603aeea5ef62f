package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What callers see of security in the default configuration: refusals, anonymous paths, headers, mixed roles. */
@MicronautTest(transactional = false)
class SecurityResponsesTest extends ApiTestSupport {
    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private RawClient raw;
    private TestTokens tokens;

    @BeforeAll
    void clients() {
        raw = new RawClient(server.getURI());
        tokens = new TestTokens(issuer);
    }

    @Test
    void shouldRefuseWithProblemJsonNeverARedirectOrAnHtmlPage() {
        RawClient.Answer browser = raw.send("GET", "/v1/items", null, null, null, "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(401, browser.status());
        assertTrue(browser.header("Content-Type").startsWith("application/problem+json"), browser.header("Content-Type"));
        assertNull(browser.header("Location"));
        assertEquals("unauthorized", readMap(browser.body()).get("code"));
        assertEquals("This endpoint needs a bearer token (Authorization: Bearer <JWT>)", readMap(browser.body()).get("detail"));

        RawClient.Answer garbage = raw.get("/v1/items", "not-a-jwt");
        assertEquals(401, garbage.status());
        assertEquals("The bearer token is invalid or has expired", readMap(garbage.body()).get("detail"));

        RawClient.Answer noRoles = raw.get("/v1/items", tokens.of("nobody"));
        assertEquals(403, noRoles.status());
        assertEquals("forbidden", readMap(noRoles.body()).get("code"));
    }

    @Test
    void shouldShowHealthWithoutATokenAsStatusOnly() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            RawClient.Answer anonymous = raw.get(path, null);

            assertEquals(200, anonymous.status(), path);
            Map<String, Object> body = readMap(anonymous.body());
            assertEquals(Set.of("status"), body.keySet(), path + ": " + anonymous.body());
            assertFalse(anonymous.body().contains("jdbc:"), anonymous.body());
            assertFalse(anonymous.body().contains("bolt://"), anonymous.body());
        }
        RawClient.Answer forged = raw.get("/health", TestTokens.foreign("intruder", Roles.ADMIN));
        assertFalse(forged.body().contains("jdbc:"), forged.body());
    }

    @Test
    void shouldShowHealthDetailsToAnyValidToken() {
        for (String role : List.of(Roles.APP, Roles.ANALYST, Roles.TRAINER, Roles.ADMIN)) {
            RawClient.Answer withToken = raw.get("/health", tokens.of("reader-" + role, role));

            assertEquals(200, withToken.status(), role);
            Map<?, ?> details = (Map<?, ?>) readMap(withToken.body()).get("details");
            assertTrue(details != null && details.containsKey("jdbc") && details.containsKey("neo4j"),
                    role + ": " + withToken.body());
        }
    }

    @Test
    void shouldServeHealthAndDocumentationWithoutAToken() {
        assertEquals(200, raw.get("/health", null).status());
        RawClient.Answer openApi = raw.get("/swagger/stylegraph-v1.yml", null);
        assertEquals(200, openApi.status());
        assertTrue(openApi.body().contains("bearerAuth"), "the OpenAPI document names the bearer scheme");
        RawClient.Answer swaggerUi = raw.get("/swagger-ui/index.html", null);
        assertEquals(200, swaggerUi.status());
        assertTrue(swaggerUi.header("Content-Security-Policy").contains("script-src 'self' 'unsafe-inline'"),
                "the generated Swagger UI page needs its inline script");
        assertEquals(404, raw.get("/demo/no-such-page.html", null).status(), "demo pages are not behind a token");
        RawClient.Answer unknown = raw.get("/v1/no-such-endpoint", null);
        assertEquals(404, unknown.status(), "an unknown path is a 404 for everyone");
        assertEquals("not-found", readMap(unknown.body()).get("code"));
    }

    @Test
    void shouldOpenNoDemoSessionsOutsideDemoMode() {
        RawClient.Answer answer = raw.send("POST", "/v1/demo/sessions", null, "application/json", "{}");
        assertEquals(404, answer.status());
    }

    @Test
    void shouldSendSecurityHeadersWithEveryAnswer() {
        for (RawClient.Answer answer : List.of(raw.get("/v1/items", tokens.of("root", Roles.ADMIN)),
                raw.get("/v1/items", null), raw.get("/v1/items/none", tokens.of("root", Roles.ADMIN)),
                raw.get("/v1/no-such-endpoint", null), raw.get("/health", null),
                raw.get("/swagger/stylegraph-v1.yml", null))) {
            String where = answer.method() + " " + answer.path() + " " + answer.status();
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), where);
            assertEquals("DENY", answer.header("X-Frame-Options"), where);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), where);
            assertTrue(answer.header("Content-Security-Policy").startsWith("default-src 'self'; img-src 'self' data: blob:"),
                    where);
            assertNull(answer.header("Strict-Transport-Security"), "HSTS only when configured: " + where);
            assertNull(answer.header("Access-Control-Allow-Origin"), "CORS is off by default: " + where);
        }
    }

    @Test
    void shouldLetAnotherAdmittedRoleOfAnAppTokenReadOtherUsersButNotWriteForThem() {
        String appAndAnalyst = tokens.of("mixed-ann", Roles.APP, Roles.ANALYST);
        assertEquals(200, raw.get("/v1/users/mixed-bob/feed", appAndAnalyst).status());
        RawClient.Answer write = raw.send("POST", "/v1/users/mixed-bob/feedback", appAndAnalyst, "application/json",
                "{\"itemId\": \"x\", \"signal\": \"like\"}");
        assertEquals(403, write.status());
        assertEquals("forbidden-user", readMap(write.body()).get("code"));
        assertEquals("userId", readMap(write.body()).get("field"));
    }

    @Test
    void shouldRefuseAnAppCompletingAnOutfitWithAnotherUsersTaste() {
        String app = tokens.of("taste-ann", Roles.APP);
        RawClient.Answer other = raw.send("POST", "/v1/outfits/complete", app, "application/json",
                "{\"itemIds\": [\"top-0\"], \"userId\": \"taste-bob\"}");
        assertEquals(403, other.status());
        assertEquals("forbidden-user", readMap(other.body()).get("code"));
        assertEquals("userId", readMap(other.body()).get("field"));

        RawClient.Answer own = raw.send("POST", "/v1/outfits/complete", app, "application/json",
                "{\"itemIds\": [\"top-0\"], \"userId\": \"taste-ann\"}");
        assertNotEquals(403, own.status(), own.body());
        RawClient.Answer analyst = raw.send("POST", "/v1/outfits/complete", tokens.of("an", Roles.ANALYST),
                "application/json", "{\"itemIds\": [\"top-0\"], \"userId\": \"taste-bob\"}");
        assertNotEquals(403, analyst.status(), analyst.body());
    }
}
