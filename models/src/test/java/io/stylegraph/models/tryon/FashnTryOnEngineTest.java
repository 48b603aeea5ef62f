package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FashnTryOnEngineTest {
    private static final byte[] RESULT = ImageBytes.png(TryOnPictures.filled(8, 12, 0x336699));
    private static final String RESULT_URL = "data:image/png;base64," + Base64.getEncoder().encodeToString(RESULT);

    private static TryOnRequest request() {
        return new TryOnRequest(TryOnPictures.person(40, 60), TryOnPictures.product(30, 30), GarmentKind.LOWER, null);
    }

    private static FashnTryOnEngine engine(ProviderServer server, Duration requestTimeout) {
        return new FashnTryOnEngine(new HostedSettings(server.baseUrl("/v1"), "test-key", "tryon-v1.6",
                requestTimeout, Duration.ofMillis(20), Duration.ofSeconds(5)));
    }

    @Test
    void shouldStartAPredictionPollItAndDecodeTheResult() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        try (ProviderServer server = new ProviderServer(request -> switch (request.path()) {
            case "/v1/run" -> ProviderServer.Answer.json(200, "{\"id\":\"pred-1\",\"error\":null}");
            case "/v1/status/pred-1" -> polls.incrementAndGet() < 3
                    ? ProviderServer.Answer.json(200, "{\"id\":\"pred-1\",\"status\":\"processing\"}")
                    : ProviderServer.Answer.json(200, "{\"id\":\"pred-1\",\"status\":\"completed\",\"output\":[\""
                            + RESULT_URL + "\"],\"error\":null}");
            default -> ProviderServer.Answer.json(404, "{}");
        })) {
            TryOnImage image = engine(server, Duration.ofSeconds(5)).render(request());

            assertEquals("image/png", image.mediaType());
            assertArrayEquals(RESULT, image.bytes());
            assertEquals(3, polls.get());
            ProviderServer.Received run = server.received().get(0);
            assertEquals("POST", run.method());
            assertEquals("Bearer test-key", run.headers().get("Authorization").get(0));
            JsonNode body = HostedCalls.json().readTree(run.body());
            assertEquals("tryon-v1.6", body.path("model_name").asText());
            assertEquals("bottoms", body.path("inputs").path("category").asText());
            assertTrue(body.path("inputs").path("model_image").asText().startsWith("data:image/jpeg;base64,"));
            assertTrue(body.path("inputs").path("garment_image").asText().startsWith("data:image/jpeg;base64,"));
        }
    }

    @Test
    void shouldReportARateLimitAsRetryableWithItsWait() {
        try (ProviderServer server = new ProviderServer(request -> new ProviderServer.Answer(429,
                Map.of("Retry-After", "7", "Content-Type", "application/json"),
                "{\"error\":\"RateLimitExceeded\"}", 0))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server, Duration.ofSeconds(5))
                    .render(request()));

            assertEquals("provider-rate-limited", e.code());
            assertTrue(e.retryable());
            assertEquals(Duration.ofSeconds(7), e.retryAfter());
        }
    }

    @Test
    void shouldReportABadKeyAsPermanent() {
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(401,
                "{\"error\":\"UnauthorizedAccess\"}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server, Duration.ofSeconds(5))
                    .render(request()));

            assertEquals("provider-auth", e.code());
            assertFalse(e.retryable());
            assertFalse(e.getMessage().contains("test-key"), "the key is never echoed");
        }
    }

    @Test
    void shouldReportASlowProviderAsARetryableTimeout() {
        try (ProviderServer server = new ProviderServer(request -> new ProviderServer.Answer(200,
                Map.of("Content-Type", "application/json"), "{\"id\":\"late\"}", 2_000))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server, Duration.ofMillis(300))
                    .render(request()));

            assertEquals("provider-timeout", e.code());
            assertTrue(e.retryable());
        }
    }

    @Test
    void shouldReportAFailedPredictionWithTheProvidersReason() {
        try (ProviderServer server = new ProviderServer(request -> request.path().equals("/v1/run")
                ? ProviderServer.Answer.json(200, "{\"id\":\"p2\",\"error\":null}")
                : ProviderServer.Answer.json(200, "{\"id\":\"p2\",\"status\":\"failed\",\"error\":{\"name\":"
                        + "\"PoseError\",\"message\":\"no person found\"}}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server, Duration.ofSeconds(5))
                    .render(request()));

            assertEquals("provider-failed", e.code());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("no person found"), e.getMessage());
        }
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(3), HostedCalls.retryAfter("3"));
        assertEquals(Duration.ZERO, HostedCalls.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(null, HostedCalls.retryAfter("soon"));
    }
}
