package io.stylegraph.models.tryon;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hosted try-on API of the FASHN kind (docs.fashn.ai): {@code POST {base}/run} with
 * {@code {"model_name", "inputs": {"model_image", "garment_image", "category", "return_base64"}}} and a Bearer key
 * answers {@code {"id", "error"}}; {@code GET {base}/status/{id}} is polled until {@code status} is
 * {@code completed} (then {@code output[0]} is a data URL or an image URL) or {@code failed} (then {@code error}).
 * Images go as base64 data URLs, so nothing has to be hosted publicly.
 */
public final class FashnTryOnEngine implements TryOnEngine {
    public static final String NAME = "fashn";
    private static final Logger LOG = LoggerFactory.getLogger(FashnTryOnEngine.class);

    private final HostedSettings settings;
    private final HostedCalls calls;

    public FashnTryOnEngine(HostedSettings settings) {
        this.settings = settings;
        this.calls = new HostedCalls("FASHN", Duration.ofSeconds(10), settings.requestTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TryOnImage render(TryOnRequest request) throws TryOnException, InterruptedException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model_image", dataUrl(ImageBytes.jpeg(request.person(), 0.9f)));
        inputs.put("garment_image", dataUrl(ImageBytes.jpeg(request.garment(), 0.9f)));
        inputs.put("category", switch (request.kind()) {
            case UPPER -> "tops";
            case LOWER -> "bottoms";
            case FULL_BODY -> "one-pieces";
        });
        inputs.put("return_base64", true);
        String auth = "Bearer " + settings.apiKey();
        JsonNode started = calls.postJson(settings.resolve("run"), "Authorization", auth,
                Map.of("model_name", settings.model(), "inputs", inputs));
        String id = started.path("id").asText("");
        if (id.isEmpty()) {
            throw TryOnException.permanent("provider-rejected", "FASHN started no prediction: "
                    + describe(started.path("error")));
        }
        LOG.debug("FASHN prediction {} started", id);
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        while (true) {
            JsonNode status = calls.getJson(settings.resolve("status/" + id), "Authorization", auth);
            switch (status.path("status").asText("")) {
                case "completed" -> {
                    return result(status.path("output").path(0).asText(""));
                }
                case "failed" -> throw TryOnException.permanent("provider-failed", "FASHN prediction " + id
                        + " failed: " + describe(status.path("error")));
                default -> {
                    // starting, in_queue, processing
                }
            }
            if (System.nanoTime() > deadline) {
                throw TryOnException.transientFailure("provider-timeout", "FASHN prediction " + id
                        + " not completed within " + settings.deadline(), null);
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    private TryOnImage result(String output) throws TryOnException, InterruptedException {
        if (output.startsWith("data:")) {
            int comma = output.indexOf(',');
            String mediaType = output.substring(5, output.indexOf(';') > 0 ? output.indexOf(';') : comma);
            return new TryOnImage(Base64.getDecoder().decode(output.substring(comma + 1)), mediaType);
        }
        if (output.startsWith("http://") || output.startsWith("https://")) {
            byte[] bytes = calls.download(URI.create(output));
            return new TryOnImage(bytes, output.toLowerCase().contains(".png") ? "image/png" : "image/jpeg");
        }
        throw TryOnException.transientFailure("provider-bad-response", "FASHN completed without an output image",
                null);
    }

    private static String dataUrl(byte[] jpeg) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    private static String describe(JsonNode error) {
        if (error.isMissingNode() || error.isNull()) {
            return "no reason given";
        }
        if (error.isTextual()) {
            return HostedCalls.shorten(error.asText());
        }
        return HostedCalls.shorten(error.path("name").asText("") + " " + error.path("message").asText(""));
    }
}
