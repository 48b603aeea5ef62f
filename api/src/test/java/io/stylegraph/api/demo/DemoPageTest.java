package io.stylegraph.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** How the service serves the demo page, checked over plain HTTP (the browser test needs Chromium). */
@MicronautTest(transactional = false)
class DemoPageTest extends ApiTestSupport {
    private static final List<String> FILES = List.of("index.html", "style.css", "app.js", "api.js", "views.js",
            "favicon.svg");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSendTheRootAndTheBareFolderToThePage() throws Exception {
        for (String path : List.of("/", "/demo")) {
            HttpResponse<String> response = get(path);
            assertEquals(303, response.statusCode(), path);
            assertEquals("/demo/", response.headers().firstValue("Location").orElse(null), path);
        }
    }

    @Test
    void shouldServeThePageAndItsFilesUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/demo/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\"></script>"), page.body());
        for (String file : FILES) {
            HttpResponse<String> response = get("/demo/" + file);
            assertEquals(200, response.statusCode(), file);
            List<String> policies = response.headers().allValues("Content-Security-Policy");
            assertEquals(1, policies.size(), file + ": " + policies);
            assertTrue(policies.get(0).startsWith("default-src 'self';") && !policies.get(0).contains("unsafe-inline"),
                    file + ": " + policies);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), file);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String expected = switch (file.substring(file.lastIndexOf('.') + 1)) {
                case "html" -> "text/html";
                case "css" -> "text/css";
                case "js" -> "application/javascript";
                default -> "image/svg+xml";
            };
            assertTrue(type.startsWith(expected), file + " is served as " + type);
        }
        assertEquals(404, get("/demo/missing.js").statusCode());
    }

    /** What the policy would block: inline scripts, styles and handlers, and anything from another origin. */
    @Test
    void shouldKeepScriptsAndStylesInFilesOfItsOwnOrigin() throws Exception {
        String html = get("/demo/index.html").body();
        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group().contains(" src=\""), "inline script: " + scripts.group());
        }
        assertFalse(html.contains("<style"), "inline style sheet");
        assertFalse(Pattern.compile("<[^>]*\\sstyle=").matcher(html).find(), "inline style attribute");
        assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html).find(), "inline event handler");
        for (String file : List.of("index.html", "style.css", "app.js", "api.js", "views.js")) {
            String body = get("/demo/" + file).body();
            assertFalse(Pattern.compile("https?://|//[a-z0-9.-]+\\.[a-z]{2,}/").matcher(body).find(),
                    file + " loads something from another origin");
            assertFalse(body.contains("innerHTML"), file + " builds markup from strings");
        }
    }
}
