package io.stylegraph.api.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The out-of-the-box deployment: Neo4j and PostgreSQL in this process (PostgreSQL as a child process from the zonky
 * binaries), both keeping their data under one data directory so it survives restarts. Each part starts only when no
 * external server is configured for it. {@link #properties()} gives the configuration that points the service at them.
 * Neo4j runs with authentication: the service logs in as its own user, the analytics endpoints as the read-only
 * analyst (see {@link EmbeddedNeo4j#withUsers}).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {
    public static final String DATABASE = "stylegraph";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Path dataDirectory;
    private EmbeddedNeo4j neo4j;
    private EmbeddedPostgres postgres;

    private final AtomicBoolean closed = new AtomicBoolean();

    public EmbeddedInfrastructure(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public EmbeddedInfrastructure startNeo4j(String boltHost, int boltPort) {
        neo4j = EmbeddedNeo4j.withUsers(dataDirectory.resolve("neo4j"), boltHost, boltPort).start();
        return this;
    }

    public EmbeddedInfrastructure startPostgres() {
        return startPostgres(true);
    }

    /**
     * @param stopsWithJvm whether PostgreSQL stops by itself when the JVM exits (a shutdown hook of its own); false
     *                     when the caller's own shutdown hook closes this after the work that still needs the database,
     *                     since the JVM runs its hooks at once and the database would go first
     */
    public EmbeddedInfrastructure startPostgres(boolean stopsWithJvm) {
        Path pgData = dataDirectory.resolve("postgres");
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.takeOver(pgData);
            long started = System.nanoTime();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopsWithJvm)
                    .start();
            createDatabaseIfMissing();
            LOG.info("Embedded PostgreSQL started in {} ms: data {}, port {}",
                    (System.nanoTime() - started) / 1_000_000, pgData, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + pgData, e);
        }
        return this;
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    /** Configuration properties that point the service at whatever was started here. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (neo4j != null) {
            properties.put("stylegraph.neo4j.uri", neo4j.boltUri());
            properties.put("stylegraph.neo4j.username", neo4j.serviceLogin().username());
            properties.put("stylegraph.neo4j.password", neo4j.serviceLogin().password());
            properties.put("stylegraph.analytics.neo4j-username", neo4j.analystLogin().username());
            properties.put("stylegraph.analytics.neo4j-password", neo4j.analystLogin().password());
        }
        if (postgres != null) {
            properties.put("datasources.default.url", postgres.getJdbcUrl("postgres", DATABASE));
            properties.put("datasources.default.username", "postgres");
            properties.put("datasources.default.password", "");
        }
        return properties;
    }

    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops what was started; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (neo4j != null) {
            neo4j.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
