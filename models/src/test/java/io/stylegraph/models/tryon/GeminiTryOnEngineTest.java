package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GeminiTryOnEngineTest {
    private static final byte[] RESULT = ImageBytes.png(TryOnPictures.filled(6, 9, 0x884422));

    private static TryOnRequest request() {
        return new TryOnRequest(TryOnPictures.person(40, 60), TryOnPictures.product(30, 30), GarmentKind.UPPER, null);
    }

    private static GeminiTryOnEngine engine(ProviderServer server) {
        return new GeminiTryOnEngine(new HostedSettings(server.baseUrl("/"), "gem-key", "gemini-2.5-flash-image",
                Duration.ofSeconds(5), null, null));
    }

    @Test
    void shouldSendPromptAndBothPhotosInOneRequestAndReadTheInlineImage() throws Exception {
        String answer = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Here you go\"},{\"inlineData\":"
                + "{\"mimeType\":\"image/png\",\"data\":\"" + Base64.getEncoder().encodeToString(RESULT) + "\"}}]},"
                + "\"finishReason\":\"STOP\"}]}";
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(200, answer))) {
            TryOnImage image = engine(server).render(request());

            assertArrayEquals(RESULT, image.bytes());
            assertEquals("image/png", image.mediaType());
            ProviderServer.Received sent = server.received().get(0);
            assertEquals("/v1beta/models/gemini-2.5-flash-image:generateContent", sent.path());
            assertEquals("gem-key", sent.headers().get("X-goog-api-key").get(0));
            JsonNode parts = HostedCalls.json().readTree(sent.body()).path("contents").path(0).path("parts");
            assertEquals(3, parts.size());
            assertTrue(parts.path(0).path("text").asText().contains("top"));
            assertEquals("image/jpeg", parts.path(1).path("inline_data").path("mime_type").asText());
            assertFalse(parts.path(2).path("inline_data").path("data").asText().isEmpty());
        }
    }

    @Test
    void shouldRetryAnAnswerWithoutAnImageButNotARefusal() {
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(200,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I cannot\"}]},\"finishReason\":\"STOP\"}]}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server).render(request()));
            assertEquals("provider-no-image", e.code());
            assertTrue(e.retryable());
        }
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(200,
                "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server).render(request()));
            assertEquals("provider-refused", e.code());
            assertFalse(e.retryable());
        }
    }

    @Test
    void shouldClassProviderErrors() {
        try (ProviderServer server = new ProviderServer(request -> new ProviderServer.Answer(429,
                Map.of("Retry-After", "2"), "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}", 0))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server).render(request()));
            assertTrue(e.retryable());
            assertEquals(Duration.ofSeconds(2), e.retryAfter());
        }
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(403,
                "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\"}}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server).render(request()));
            assertEquals("provider-auth", e.code());
            assertFalse(e.retryable());
        }
        try (ProviderServer server = new ProviderServer(request -> ProviderServer.Answer.json(503, "{}"))) {
            TryOnException e = assertThrows(TryOnException.class, () -> engine(server).render(request()));
            assertEquals("provider-error", e.code());
            assertTrue(e.retryable());
        }
    }
}
