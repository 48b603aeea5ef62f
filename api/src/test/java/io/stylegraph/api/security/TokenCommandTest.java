package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.cli.StylegraphCommand;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code stylegraph token}: tokens the running service accepts, from the configured secret or the demo secret. */
@MicronautTest(transactional = false)
class TokenCommandTest extends ApiTestSupport {
    private static final String TEST_SECRET = "stylegraph-test-secret-for-tests-only-0123456789";

    @Inject
    EmbeddedServer server;

    private RawClient raw;

    @BeforeAll
    void client() {
        raw = new RawClient(server.getURI());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new StylegraphCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString().strip(), err.toString().strip());
    }

    @Test
    void shouldPrintAnAppTokenTheServiceAcceptsForThatUserOnly() throws Exception {
        Run run = run("token", "--role", "app", "--user", "cli-ann", "--ttl", "30m");
        assertEquals(0, run.exitCode(), run.err());
        SignedJWT jwt = SignedJWT.parse(run.out());
        assertTrue(jwt.verify(new MACVerifier(TEST_SECRET)), "signed with the configured secret");
        assertEquals("cli-ann", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("app"), jwt.getJWTClaimsSet().getStringListClaim("roles"));
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond() - Instant.now().getEpochSecond();
        assertTrue(lifetime > 29 * 60 && lifetime <= 30 * 60, "30 minutes, got " + lifetime + " s");

        assertEquals(200, raw.get("/v1/users/cli-ann/feed", run.out()).status());
        assertEquals(403, raw.get("/v1/users/cli-bob/feed", run.out()).status());
    }

    @Test
    void shouldSignWithTheDemoSecretInTheDataDirectoryWhenNoneIsConfigured() throws Exception {
        Path dataDirectory = Files.createTempDirectory("token-command");
        String demoSecret = DataDirectorySecret.loadOrCreate(dataDirectory);
        String previous = System.getProperty(SigningSecret.PROPERTY);
        System.setProperty(SigningSecret.PROPERTY, "");
        try {
            Run run = run("token", "--role", "trainer", "--data-dir", dataDirectory.toString());
            assertEquals(0, run.exitCode(), run.err());
            SignedJWT jwt = SignedJWT.parse(run.out());
            assertTrue(jwt.verify(new MACVerifier(demoSecret)));
            assertEquals("trainer", jwt.getJWTClaimsSet().getSubject(), "the role names the subject without --user");

            Run none = run("token", "--role", "admin", "--data-dir", dataDirectory.resolve("empty").toString());
            assertEquals(1, none.exitCode());
            assertTrue(none.err().contains("no signing secret: set STYLEGRAPH_JWT_SECRET"), none.err());
        } finally {
            if (previous == null) {
                System.clearProperty(SigningSecret.PROPERTY);
            } else {
                System.setProperty(SigningSecret.PROPERTY, previous);
            }
        }
    }

    @Test
    void shouldRefuseAnAppTokenWithoutAUserAndUnknownRoles() {
        Run noUser = run("token", "--role", "app");
        assertEquals(2, noUser.exitCode());
        assertTrue(noUser.err().contains("--role app needs --user"), noUser.err());
        Run unknown = run("token", "--role", "root");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--role must be one of app, analyst, trainer, admin"), unknown.err());
        assertEquals(2, run("token", "--role", "admin", "--ttl", "forever").exitCode());
    }
}
