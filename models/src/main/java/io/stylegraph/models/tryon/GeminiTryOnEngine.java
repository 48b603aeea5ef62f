package io.stylegraph.models.tryon;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An image-editing model of the Gemini image kind: one {@code POST {base}/v1beta/models/{model}:generateContent}
 * (key in {@code x-goog-api-key}) whose content holds a text prompt and the two photos as inline base64 parts,
 * asking for an image response; the answer's first {@code inlineData} part of the first candidate is the result.
 */
public final class GeminiTryOnEngine implements TryOnEngine {
    public static final String NAME = "gemini";

    private final HostedSettings settings;
    private final HostedCalls calls;

    public GeminiTryOnEngine(HostedSettings settings) {
        this.settings = settings;
        this.calls = new HostedCalls("Gemini", java.time.Duration.ofSeconds(10), settings.requestTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    static String prompt(GarmentKind kind) {
        String part = switch (kind) {
            case UPPER -> "top";
            case LOWER -> "trousers or skirt";
            case FULL_BODY -> "dress";
        };
        return "The first image is a photo of a person, the second a product photo of a " + part + ". Edit the first "
                + "photo so the person wears this garment in place of their own " + part + ", keeping the person's "
                + "face, pose, body shape, the other clothes and the background unchanged. Return only the edited photo.";
    }

    @Override
    public TryOnImage render(TryOnRequest request) throws TryOnException, InterruptedException {
        Map<String, Object> body = Map.of(
                "contents", List.of(Map.of("parts", List.of(
                        Map.of("text", prompt(request.kind())),
                        inline(ImageBytes.jpeg(request.person(), 0.9f)),
                        inline(ImageBytes.jpeg(request.garment(), 0.9f))))),
                "generationConfig", Map.of("responseModalities", List.of("TEXT", "IMAGE")));
        JsonNode answer = calls.postJson(settings.resolve("v1beta/models/" + settings.model() + ":generateContent"),
                "x-goog-api-key", settings.apiKey(), body);
        JsonNode candidate = answer.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            // the REST answer spells it inlineData; inline_data is accepted too
            JsonNode data = part.has("inlineData") ? part.get("inlineData") : part.path("inline_data");
            String base64 = data.path("data").asText("");
            if (!base64.isEmpty()) {
                String mediaType = data.has("mimeType") ? data.get("mimeType").asText()
                        : data.path("mime_type").asText("image/png");
                return new TryOnImage(Base64.getDecoder().decode(base64), mediaType);
            }
        }
        String blocked = answer.path("promptFeedback").path("blockReason").asText("");
        String finish = candidate.path("finishReason").asText("");
        if (!blocked.isEmpty() || finish.contains("SAFETY") || finish.contains("PROHIBITED")) {
            throw TryOnException.permanent("provider-refused", "Gemini refused the edit ("
                    + (blocked.isEmpty() ? finish : blocked) + ")");
        }
        // the model sometimes answers with text only; the same request may well give an image next time
        throw TryOnException.transientFailure("provider-no-image", "Gemini answered without an image ("
                + (finish.isEmpty() ? "no image part" : finish) + ")", null);
    }

    private static Map<String, Object> inline(byte[] jpeg) {
        return Map.of("inline_data", Map.of("mime_type", "image/jpeg",
                "data", Base64.getEncoder().encodeToString(jpeg)));
    }
}
