package io.stylegraph.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain JDK client for the security and rate-limit tests: it sends exactly the headers it is given (the Micronaut
 * test clients sign every request as an admin) and never throws on an error status.
 */
public final class RawClient {
    static final String BOUNDARY = "stylegraph-test-boundary";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public RawClient(URI serverUri) {
        this.base = serverUri.toString().replaceAll("/$", "");
    }

    public record Answer(String method, String path, int status, Map<String, java.util.List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    public Answer send(String method, String path, String token, String contentType, String body, String... headers) {
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** As {@link #send}, with the body's exact bytes (which need not be UTF-8) and a path sent as given. */
    public Answer sendBytes(String method, String path, String token, String contentType, byte[] body,
                            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** A multipart body with one text part, {@code name=value}. */
    public static String multipart(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n--"
                + BOUNDARY + "--\r\n";
    }

    /** A multipart body of parts given as name, then content type (null: a form field), then bytes. */
    public static byte[] multipartBytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 2 < parts.length; i += 3) {
            String name = (String) parts[i];
            String type = (String) parts[i + 1];
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (type == null ? "" : "; filename=\"" + name + "\"\r\nContent-Type: " + type) + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) parts[i + 2]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }
}
