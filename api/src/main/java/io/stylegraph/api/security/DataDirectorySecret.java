package io.stylegraph.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Demo mode's signing secret: 256 random bits kept in {@code <data-dir>/jwt-secret}, readable by its owner only, so
 * the tokens printed at one start still work after a restart.
 */
public final class DataDirectorySecret {
    public static final String FILE_NAME = "jwt-secret";

    private DataDirectorySecret() {
    }

    public static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    /** The secret stored under {@code dataDirectory}, if one is. */
    public static Optional<String> load(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    /** The stored secret, created first when there is none. */
    public static String loadOrCreate(Path dataDirectory) throws IOException {
        Optional<String> existing = load(dataDirectory);
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(dataDirectory);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = file(dataDirectory);
        Path partial = dataDirectory.resolve(FILE_NAME + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial); // no POSIX permissions to set (e.g. Windows): the folder's own rules apply
        }
        Files.writeString(partial, secret + "\n", StandardCharsets.UTF_8);
        try {
            // no REPLACE_EXISTING: when two processes race, the first secret written wins and both use it
            Files.move(partial, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);
            return load(dataDirectory).orElseThrow(() -> e);
        }
        return secret;
    }
}
