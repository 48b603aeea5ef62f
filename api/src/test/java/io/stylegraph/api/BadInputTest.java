package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets a 4xx problem document naming what is wrong, never a 500 or a stack trace. */
@MicronautTest(transactional = false)
class BadInputTest extends ApiTestSupport {

    @BeforeAll
    void catalogue() {
        resetCatalogue(2);
    }

    private Problem post(String body) {
        return expectProblem(HttpRequest.POST("/v1/users/ann/feedback", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private void assertProblem(Problem problem, int status, String code, String field) {
        assertEquals(status, problem.status(), problem.raw());
        assertEquals(code, problem.code(), problem.raw());
        assertEquals(field, problem.field(), problem.raw());
        assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
        assertEquals(status, ((Number) problem.body().get("status")).intValue());
        assertNotNull(problem.body().get("title"));
        assertEquals("urn:stylegraph:problem:" + code, problem.body().get("type"));
        assertFalse(problem.raw().contains("Exception"), problem.raw());
        assertFalse(problem.raw().contains("\tat "), problem.raw());
    }

    @Test
    void shouldRejectMalformedJson() {
        assertProblem(post("{\"itemId\": \"top-1\", \"signal\": "), 400, "malformed-json", null);
    }

    @Test
    void shouldRejectAnUnknownSignal() {
        assertProblem(post("{\"itemId\": \"top-1\", \"signal\": \"love\"}"), 400, "invalid-field", "signal");
    }

    @Test
    void shouldRejectAMissingSignal() {
        assertProblem(post("{\"itemId\": \"top-1\"}"), 400, "invalid-field", "signal");
    }

    @Test
    void shouldRejectAMissingTarget() {
        assertProblem(post("{\"signal\": \"like\"}"), 400, "missing-field", "itemId");
    }

    @Test
    void shouldRejectTwoTargets() {
        assertProblem(post("{\"itemId\": \"top-1\", \"outfitId\": \"o\", \"signal\": \"like\"}"), 400,
                "ambiguous-target", "itemId");
    }

    @Test
    void shouldRejectAnUnknownItem() {
        assertProblem(post("{\"itemId\": \"no-such-item\", \"signal\": \"like\"}"), 404, "unknown-item", "itemId");
    }

    @Test
    void shouldRejectAWrongFieldType() {
        assertProblem(post("{\"itemId\": \"top-1\", \"signal\": \"like\", \"at\": \"yesterday\"}"), 400,
                "malformed-json", "at");
    }

    @Test
    void shouldRejectAnEmptyBody() {
        Problem problem = post("");
        assertEquals(400, problem.status(), problem.raw());
        assertFalse(problem.raw().contains("Exception"), problem.raw());
        assertNotNull(problem.code());
    }

    @Test
    void shouldRejectAnOversizedBody() {
        String big = "x".repeat(10_000);
        assertProblem(post("{\"itemId\": \"top-1\", \"signal\": \"like\", \"clientEventId\": \"" + big + "\"}"), 413,
                "payload-too-large", "body");
    }

    @Test
    void shouldRejectTheWrongContentType() {
        Problem problem = expectProblem(HttpRequest.POST("/v1/users/ann/feedback", "itemId=top-1&signal=like")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertProblem(problem, 415, "unsupported-media-type", null);
    }

    @Test
    void shouldRejectAnInvalidUserId() {
        Problem problem = expectProblem(HttpRequest.GET("/v1/users/" + "u".repeat(200) + "/feed"));
        assertProblem(problem, 400, "invalid-field", "userId");
    }

    @Test
    void shouldRejectAnOutOfRangeLimit() {
        assertProblem(expectProblem(HttpRequest.GET("/v1/users/ann/feed?limit=0")), 400, "invalid-field", "limit");
        assertProblem(expectProblem(HttpRequest.GET("/v1/users/ann/feed?limit=many")), 400, "invalid-value", "limit");
    }

    @Test
    void shouldRejectAForgedCursorAndAnUnknownSlot() {
        assertProblem(expectProblem(HttpRequest.GET("/v1/users/ann/feed?cursor=abc")), 400, "invalid-field", "cursor");
        assertProblem(expectProblem(HttpRequest.GET("/v1/users/ann/feed?slot=hat")), 400, "invalid-field", "slot");
    }

    @Test
    void shouldAnswerUnknownRoutesAndItemsWithProblems() {
        assertProblem(expectProblem(HttpRequest.GET("/v1/nothing-here")), 404, "not-found", null);
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/ghost")), 404, "unknown-item", "itemId");
        assertProblem(expectProblem(HttpRequest.PUT("/v1/users/ann/feed", "{}")), 405, "method-not-allowed", null);
    }

    @Test
    void shouldRejectABadImportRequest() {
        assertProblem(expectProblem(HttpRequest.POST("/v1/imports", "{}")), 400, "missing-field", "dataset");
        assertProblem(expectProblem(HttpRequest.POST("/v1/imports", "{\"path\": \"/definitely/not/here\"}")), 400,
                "path-not-found", "path");
    }
}
