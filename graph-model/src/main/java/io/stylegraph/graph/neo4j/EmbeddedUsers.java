package io.stylegraph.graph.neo4j;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The Bolt users of the embedded Neo4j when authentication is on: the service's own ({@value #SERVICE_USER}, reads and
 * writes) and the analysts' ({@value #ANALYST_USER}, read-only). Their passwords are generated on first start and kept
 * in {@value #FILE_NAME} in the store's home directory, readable by its owner only, so they stay the same across
 * restarts. Neo4j's initial {@code neo4j} user is dropped: its well-known first password would let anyone who reaches
 * the port set a new one and write.
 */
public final class EmbeddedUsers {
    public static final String SERVICE_USER = "stylegraph";
    public static final String ANALYST_USER = "analyst";
    public static final String FILE_NAME = "bolt-users.properties";
    private static final String INITIAL_USER = "neo4j";

    private final BoltLogin service;
    private final BoltLogin analyst;
    private final Path file;

    private EmbeddedUsers(BoltLogin service, BoltLogin analyst, Path file) {
        this.service = service;
        this.analyst = analyst;
        this.file = file;
    }

    /** Reads the passwords kept in {@code file}, generating and writing any that are missing. */
    public static EmbeddedUsers loadOrCreate(Path file) {
        Properties kept = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(reader);
                }
            }
            String servicePassword = kept.getProperty(SERVICE_USER + ".password");
            String analystPassword = kept.getProperty(ANALYST_USER + ".password");
            if (servicePassword == null || analystPassword == null) {
                if (servicePassword == null) {
                    kept.setProperty(SERVICE_USER + ".password", servicePassword = newPassword());
                }
                if (analystPassword == null) {
                    kept.setProperty(ANALYST_USER + ".password", analystPassword = newPassword());
                }
                write(file, kept);
            }
            return new EmbeddedUsers(new BoltLogin(SERVICE_USER, servicePassword),
                    new BoltLogin(ANALYST_USER, analystPassword), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the Bolt users file " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Properties kept) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            kept.store(writer, "Bolt users of the embedded Neo4j: " + SERVICE_USER + " (the service) and "
                    + ANALYST_USER + " (read-only). Delete this file to have new passwords set on the next start.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates both users in the DBMS or resets their passwords to the kept ones, and drops the initial user. */
    void install(DatabaseManagementService dbms) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        for (BoltLogin login : new BoltLogin[] {service, analyst}) {
            Map<String, Object> parameters = Map.of("name", login.username(), "password", login.password());
            // ALTER USER refuses to set the password a user already has; replacing the user is idempotent
            system.executeTransactionally(
                    "CREATE OR REPLACE USER $name SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", parameters);
        }
        system.executeTransactionally("DROP USER " + INITIAL_USER + " IF EXISTS");
    }

    public BoltLogin service() {
        return service;
    }

    public BoltLogin analyst() {
        return analyst;
    }

    public Path file() {
        return file;
    }
}
