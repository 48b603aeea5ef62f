package io.stylegraph.models.tryon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON calls to a hosted model and how their failures are classed: 429 and 5xx and timeouts may succeed later
 * ({@code retryable}, honouring Retry-After), 401/403 mean a bad key and 400/404/413/422 a refused request, which no
 * retry fixes. Error bodies go into messages shortened, never the request (which carries the person photo).
 */
final class HostedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CHARS = 300;

    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;

    HostedCalls(String provider, Duration connectTimeout, Duration requestTimeout) {
        this.provider = provider;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.requestTimeout = requestTimeout;
    }

    static ObjectMapper json() {
        return JSON;
    }

    JsonNode postJson(URI uri, String authHeader, String authValue, Object body)
            throws TryOnException, InterruptedException {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json").header(authHeader, authValue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
        return parse(send(request));
    }

    JsonNode getJson(URI uri, String authHeader, String authValue) throws TryOnException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header(authHeader, authValue)
                .GET().build();
        return parse(send(request));
    }

    /** Downloads a result the provider serves by URL. */
    byte[] download(URI uri) throws TryOnException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        return send(request).body();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws TryOnException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TryOnException("provider-timeout", provider + " did not answer within " + requestTimeout,
                    true, null, e);
        } catch (IOException e) {
            throw new TryOnException("provider-unreachable", provider + " could not be reached: " + e.getMessage(),
                    true, null, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        String body = shorten(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (status == 429) {
            throw TryOnException.transientFailure("provider-rate-limited", provider + " rate limit (429): " + body,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status == 401 || status == 403) {
            throw TryOnException.permanent("provider-auth", provider + " refused the API key (" + status
                    + "); check the configured key: " + body);
        }
        if (status >= 500) {
            throw TryOnException.transientFailure("provider-error", provider + " failed (" + status + "): " + body,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        throw TryOnException.permanent("provider-rejected", provider + " rejected the request (" + status + "): "
                + body);
    }

    private JsonNode parse(HttpResponse<byte[]> response) throws TryOnException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw TryOnException.transientFailure("provider-bad-response", provider + " answered with no JSON: "
                    + shorten(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)), null);
        }
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 section 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MESSAGE_CHARS ? flat : flat.substring(0, MESSAGE_CHARS) + "...";
    }
}
