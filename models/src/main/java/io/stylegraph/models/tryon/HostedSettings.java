package io.stylegraph.models.tryon;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a hosted try-on model is and how long to wait for it. {@code model} is the provider's model name
 * ({@code tryon-v1.6} for FASHN, {@code gemini-2.5-flash-image} for Gemini); {@code pollInterval} and
 * {@code deadline} matter only for providers that are polled.
 */
public record HostedSettings(URI baseUrl, String apiKey, String model, Duration requestTimeout,
                             Duration pollInterval, Duration deadline) {
    public HostedSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a hosted try-on engine needs an API key");
        }
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        deadline = deadline == null ? Duration.ofMinutes(3) : deadline;
    }

    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
