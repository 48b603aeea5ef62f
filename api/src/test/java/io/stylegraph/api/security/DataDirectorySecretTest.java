package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectorySecretTest {
    @TempDir
    Path dataDirectory;

    @Test
    void shouldCreateA256BitSecretOnlyItsOwnerCanReadAndKeepIt() throws IOException {
        assertEquals(Optional.empty(), DataDirectorySecret.load(dataDirectory));
        String secret = DataDirectorySecret.loadOrCreate(dataDirectory.resolve("fresh"));
        Path file = dataDirectory.resolve("fresh").resolve("jwt-secret");

        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + secret);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(secret, DataDirectorySecret.loadOrCreate(dataDirectory.resolve("fresh")), "kept across starts");
        assertEquals(Optional.of(secret), DataDirectorySecret.load(dataDirectory.resolve("fresh")));
        assertNotEquals(secret, DataDirectorySecret.loadOrCreate(dataDirectory.resolve("other")));
    }
}
