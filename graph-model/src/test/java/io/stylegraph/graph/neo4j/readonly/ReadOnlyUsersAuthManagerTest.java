package io.stylegraph.graph.neo4j.readonly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;

/** Logins wait for the users to be in place: before that even a login the wrapped manager accepts fails. */
class ReadOnlyUsersAuthManagerTest {

    private static Map<String, Object> basic(String user) {
        Map<String, Object> token = new HashMap<>();
        token.put("scheme", "basic");
        token.put("principal", user);
        token.put("credentials", "secret".getBytes(StandardCharsets.UTF_8));
        return token;
    }

    @Test
    void shouldRefuseEveryLoginUntilOpenedAndForgetTheCredentials() throws Exception {
        AtomicBoolean open = new AtomicBoolean();
        ReadOnlyUsersAuthManager manager = new ReadOnlyUsersAuthManager(AuthManager.NO_AUTH, Set.of("analyst"), open);
        Map<String, Object> token = basic("neo4j");

        LoginContext early = manager.login(token, ClientConnectionInfo.EMBEDDED_CONNECTION);
        open.set(true);
        LoginContext later = manager.login(basic("neo4j"), ClientConnectionInfo.EMBEDDED_CONNECTION);

        assertEquals(AuthenticationResult.FAILURE, early.subject().getAuthenticationResult());
        assertArrayEquals(new byte["secret".length()], (byte[]) token.get("credentials"));
        assertEquals(AuthenticationResult.SUCCESS, later.subject().getAuthenticationResult());
    }
}
