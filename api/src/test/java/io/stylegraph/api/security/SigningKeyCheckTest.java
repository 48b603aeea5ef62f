package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.stylegraph.api.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Without a usable key the HTTP server is never created: the service does not run open, or refuse everything. */
class SigningKeyCheckTest {

    private static ApplicationContext context(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.properties());
        properties.put("micronaut.server.port", -1);
        properties.putAll(overrides);
        return ApplicationContext.builder().environments("test").properties(properties).start();
    }

    private static String serverFailure(Map<String, Object> overrides) {
        try (ApplicationContext context = context(overrides)) {
            RuntimeException failure = assertThrows(RuntimeException.class, () -> context.getBean(EmbeddedServer.class));
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    @Test
    void shouldRefuseToServeWithoutAKey() {
        String failure = serverFailure(Map.of(SigningSecret.PROPERTY, ""));
        assertTrue(failure.contains("No JWT signing key is configured: set STYLEGRAPH_JWT_SECRET"), failure);
    }

    @Test
    void shouldRefuseToServeWithASecretTooShortForHs256() {
        String failure = serverFailure(Map.of(SigningSecret.PROPERTY, "short-secret"));
        assertTrue(failure.contains("has 12 bytes; HS256 needs at least 32"), failure);
    }

    @Test
    void shouldServeWithOnlyAJwksConfigured() {
        try (ApplicationContext context = context(Map.of(SigningSecret.PROPERTY, "",
                "micronaut.security.token.jwt.signatures.jwks.identity.url", "https://id.example/.well-known/jwks.json"))) {
            assertNotNull(context.getBean(EmbeddedServer.class));
        }
    }
}
