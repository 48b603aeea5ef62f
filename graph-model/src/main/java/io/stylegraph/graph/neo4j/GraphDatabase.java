package io.stylegraph.graph.neo4j;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * The style graph as the rest of the system sees it: a driver plus the database name, with read and write helpers
 * that run managed transactions. One instance per process; thread-safe.
 */
public final class GraphDatabase implements AutoCloseable {
    private final Driver driver;
    private final String database;

    public GraphDatabase(Driver driver, String database) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.database = database == null || database.isBlank() ? "neo4j" : database;
    }

    /**
     * Connects with timeouts short enough that a request notices an unavailable graph in a couple of seconds instead
     * of hanging; callers that must not lose data (feedback) fall back to PostgreSQL when this throws.
     */
    public static GraphDatabase connect(String uri, String user, String password, String database) {
        AuthToken auth = user == null || user.isBlank() ? AuthTokens.none() : AuthTokens.basic(user, password);
        Config config = Config.builder()
                .withConnectionTimeout(2, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(5, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(3, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(50)
                .withLogging(Logging.slf4j())
                .build();
        return new GraphDatabase(org.neo4j.driver.GraphDatabase.driver(uri, auth, config), database);
    }

    public <T> T read(Function<TransactionContext, T> work) {
        try (Session session = session()) {
            return session.executeRead(work::apply);
        }
    }

    public <T> T write(Function<TransactionContext, T> work) {
        try (Session session = session()) {
            return session.executeWrite(work::apply);
        }
    }

    public void run(String cypher, Map<String, Object> parameters) {
        write(tx -> tx.run(cypher, parameters).consume());
    }

    /**
     * Runs in an auto-commit transaction, as {@code CALL { ... } IN TRANSACTIONS} requires; no retries, so use it only
     * for statements that are safe to run again by hand.
     */
    public void runAutoCommit(String cypher, Map<String, Object> parameters) {
        try (Session session = session()) {
            session.run(cypher, parameters).consume();
        }
    }

    /** True when the server answers a trivial query within the driver's timeouts. */
    public boolean isAvailable() {
        try {
            driver.verifyConnectivity();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Driver driver() {
        return driver;
    }

    public String database() {
        return database;
    }

    public Session session() {
        return driver.session(SessionConfig.forDatabase(database));
    }

    public static Duration defaultQueryTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void close() {
        driver.close();
    }
}
