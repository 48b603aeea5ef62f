package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs on the FASHN-style engine against a local provider: retries, Retry-After, bad keys, time-outs. */
@MicronautTest(transactional = false)
class HostedTryOnJobTest extends ApiTestSupport {
    private static final Path IMAGES = TryOnFixtures.temporaryFolder("tryon-hosted");
    private static final FakeTryOnProvider PROVIDER = new FakeTryOnProvider();
    private static final byte[] RESULT = TryOnFixtures.png(TryOnFixtures.person(30, 40));
    private static final String COMPLETED = "{\"id\":\"p\",\"status\":\"completed\",\"output\":[\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(RESULT) + "\"],\"error\":null}";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.tryon.engine", "fashn");
        properties.put("stylegraph.tryon.fashn-base-url", PROVIDER.baseUrl());
        properties.put("stylegraph.tryon.fashn-api-key", "test-key");
        properties.put("stylegraph.tryon.fashn-poll-interval", "20ms");
        properties.put("stylegraph.tryon.provider-request-timeout", "400ms");
        properties.put("stylegraph.tryon.attempt-timeout", "5s");
        properties.put("stylegraph.tryon.max-attempts", "3");
        properties.put("stylegraph.tryon.retry-backoff", "100ms");
        properties.put("stylegraph.tryon.poll-interval", "50ms");
        return properties;
    }

    @BeforeAll
    void catalogue() {
        TryOnFixtures.catalogue(graph, IMAGES);
        catalogue.reload();
    }

    @AfterAll
    void stopProvider() {
        PROVIDER.close();
    }

    private Map<String, Object> run() throws InterruptedException {
        HttpResponse<String> response = client.toBlocking().exchange(TryOnFixtures.submit(
                TryOnFixtures.png(TryOnFixtures.person(80, 120)), "tee", null, null, null), String.class);
        String jobId = (String) readMap(response.body()).get("jobId");
        for (int i = 0; i < 200; i++) {
            Map<String, Object> job = getJson("/v1/tryon/" + jobId);
            if (List.of("done", "failed").contains(job.get("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("try-on " + jobId + " did not finish");
    }

    @Test
    void shouldWaitOutARateLimitAndRetry() throws InterruptedException {
        PROVIDER.behave((path, n) -> n == 1 ? new FakeTryOnProvider.Answer(429, "1",
                "{\"error\":\"RateLimitExceeded\"}", 0)
                : path.endsWith("/run") ? FakeTryOnProvider.Answer.ok("{\"id\":\"p\",\"error\":null}")
                : FakeTryOnProvider.Answer.ok(COMPLETED));
        Map<String, Object> job = run();

        assertEquals("done", job.get("status"), job.toString());
        assertEquals("fashn", job.get("engine"));
        assertEquals(2, job.get("attempts"));
        assertEquals(List.of("provider-rate-limited: FASHN rate limit (429): {\"error\":\"RateLimitExceeded\"}"),
                job.get("attemptErrors"));
        Duration took = Duration.between(Instant.parse((String) job.get("createdAt")),
                Instant.parse((String) job.get("finishedAt")));
        assertTrue(took.toMillis() >= 1000, "Retry-After: 1 was honoured over the 100 ms backoff: " + took);
        byte[] picture = client.toBlocking().retrieve(HttpRequest.GET("/v1/tryon/" + job.get("jobId") + "/image"),
                byte[].class);
        assertArrayEquals(RESULT, picture);
    }

    @Test
    void shouldFailAtOnceOnABadKey() throws InterruptedException {
        PROVIDER.behave((path, n) -> new FakeTryOnProvider.Answer(401, null, "{\"error\":\"UnauthorizedAccess\"}", 0));
        Map<String, Object> job = run();

        assertEquals("failed", job.get("status"));
        assertEquals(1, job.get("attempts"), "a bad key is not retried");
        assertEquals("provider-auth", job.get("errorCode"));
        assertTrue(((String) job.get("error")).contains("API key"), (String) job.get("error"));
        assertEquals(1, PROVIDER.requests().size());
    }

    @Test
    void shouldRetryATimeOutThenGiveUp() throws InterruptedException {
        PROVIDER.behave((path, n) -> new FakeTryOnProvider.Answer(200, null, "{\"id\":\"slow\"}", 1_500));
        Map<String, Object> job = run();

        assertEquals("failed", job.get("status"));
        assertEquals(3, job.get("attempts"));
        assertEquals("provider-timeout", job.get("errorCode"));
        @SuppressWarnings("unchecked")
        List<String> attempts = (List<String>) job.get("attemptErrors");
        assertEquals(3, attempts.size());
        assertTrue(attempts.stream().allMatch(line -> line.startsWith("provider-timeout")), attempts.toString());
    }

    @Test
    void shouldStopPollingTheProviderWhenARunningJobIsCancelled() throws InterruptedException {
        PROVIDER.behave((path, n) -> path.endsWith("/run") ? FakeTryOnProvider.Answer.ok("{\"id\":\"p\"}")
                : FakeTryOnProvider.Answer.ok("{\"id\":\"p\",\"status\":\"processing\"}"));
        HttpResponse<String> response = client.toBlocking().exchange(TryOnFixtures.submit(
                TryOnFixtures.png(TryOnFixtures.person(80, 120)), "tee", null, null, null), String.class);
        String jobId = (String) readMap(response.body()).get("jobId");
        for (int i = 0; i < 100 && PROVIDER.requests().size() < 3; i++) {
            Thread.sleep(50);
        }
        assertEquals("running", getJson("/v1/tryon/" + jobId).get("status"));

        client.toBlocking().exchange(HttpRequest.DELETE("/v1/tryon/" + jobId), String.class);
        Thread.sleep(200);
        int requestsAfterCancel = PROVIDER.requests().size();
        Thread.sleep(500);

        assertEquals(requestsAfterCancel, PROVIDER.requests().size(), "no more status polls after the cancel");
        Map<String, Object> job = getJson("/v1/tryon/" + jobId);
        assertEquals("cancelled", job.get("status"));
        assertEquals(1, job.get("attempts"));
    }
}
