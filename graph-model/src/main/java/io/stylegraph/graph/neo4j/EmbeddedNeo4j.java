package io.stylegraph.graph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.GraphDatabaseService;
import io.stylegraph.graph.neo4j.readonly.ReadOnlyUsersDbmsBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.recovery.Recovery;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, file-backed Neo4j 5 with Bolt on the loopback interface, so the service talks to it through the same
 * driver it would use for an external server and analysts can connect with any Neo4j client.
 * <p>
 * {@link #withUsers} starts it with authentication on and two users ({@link EmbeddedUsers}): the service's, and a
 * read-only {@code analyst} whose transactions the kernel refuses to let write (see
 * {@link ReadOnlyUsersDbmsBuilder}). The plain constructor starts it with authentication off, for tests that only
 * need a graph.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final Path homeDirectory;
    private final String boltHost;
    private final boolean authentication;
    private int boltPort;
    private DatabaseManagementService dbms;
    private EmbeddedUsers users;

    /**
     * Authentication off.
     *
     * @param homeDirectory where the store lives; created on first start and reused after
     * @param boltHost      interface to bind (use {@code 127.0.0.1})
     * @param boltPort      port to bind; 0 picks a free one on first start and keeps it for restarts
     */
    public EmbeddedNeo4j(Path homeDirectory, String boltHost, int boltPort) {
        this(homeDirectory, boltHost, boltPort, false);
    }

    private EmbeddedNeo4j(Path homeDirectory, String boltHost, int boltPort, boolean authentication) {
        this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory").toAbsolutePath();
        this.boltHost = Objects.requireNonNull(boltHost, "boltHost");
        this.boltPort = boltPort;
        this.authentication = authentication;
    }

    /**
     * Authentication on, with the service's user and the read-only analyst user, their passwords kept in
     * {@link EmbeddedUsers#FILE_NAME} under {@code homeDirectory}.
     */
    public static EmbeddedNeo4j withUsers(Path homeDirectory, String boltHost, int boltPort) {
        return new EmbeddedNeo4j(homeDirectory, boltHost, boltPort, true);
    }

    public synchronized EmbeddedNeo4j start() {
        if (dbms != null) {
            return this;
        }
        long started = System.nanoTime();
        boolean recovering = needsRecovery();
        if (recovering) {
            LOG.warn("Neo4j store in {} was not shut down cleanly (the service was killed or crashed): Neo4j is "
                    + "recovering it from its transaction log before it starts; this can take a while", homeDirectory);
        }
        if (authentication && users == null) {
            users = EmbeddedUsers.loadOrCreate(homeDirectory.resolve(EmbeddedUsers.FILE_NAME));
        }
        ReadOnlyUsersDbmsBuilder withUsers = authentication
                ? new ReadOnlyUsersDbmsBuilder(homeDirectory, Set.of(EmbeddedUsers.ANALYST_USER)) : null;
        DatabaseManagementServiceBuilderImplementation builder = authentication ? withUsers
                : new DatabaseManagementServiceBuilderImplementation(homeDirectory);
        dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(boltHost, boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, authentication)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs,
                        transactionLogRetention(System.getenv("STYLEGRAPH_NEO4J_TX_LOG_RETENTION")))
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMemoryBytes())
                // Neo4j 5.26's local (in-JVM) Bolt connector fails under Netty 4.2; the TCP connector is all we need.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // The default quiet period makes every shutdown wait 10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        if (authentication) {
            users.install(dbms);
            withUsers.openLogins();
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bound = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        boltPort = bound.getPort();
        LOG.info("Embedded Neo4j started in {} ms{}: store {}, Bolt at {}{}",
                (System.nanoTime() - started) / 1_000_000, recovering ? " (after recovering its store)" : "", homeDirectory, boltUri(),
                authentication ? " (users " + EmbeddedUsers.SERVICE_USER + " and read-only "
                        + EmbeddedUsers.ANALYST_USER + ", passwords in " + users.file() + ")" : " (no authentication)");
        return this;
    }

    /** True when the store exists and its transaction log shows it was not shut down cleanly. */
    private boolean needsRecovery() {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, homeDirectory).build();
        DatabaseLayout layout = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!Files.isDirectory(layout.databaseDirectory())) {
            return false;
        }
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            return Recovery.isRecoveryRequired(fs, layout, config, EmptyMemoryTracker.INSTANCE);
        } catch (Exception e) {
            LOG.debug("Could not tell whether the Neo4j store needs recovery", e);
            return false;
        }
    }

    /** {@code STYLEGRAPH_NEO4J_PAGECACHE_MB} (default 512): the store's memory beside the JVM heap. */
    private static long pageCacheBytes() {
        String configured = System.getenv("STYLEGRAPH_NEO4J_PAGECACHE_MB");
        long megabytes = configured == null || configured.isBlank() ? 512 : Long.parseLong(configured.trim());
        return megabytes * 1024 * 1024;
    }

    /**
     * {@code STYLEGRAPH_NEO4J_TX_MEMORY_MB} (default 256): the most heap one transaction may hold (Neo4j's
     * {@code db.memory.transaction.max}). A query over it fails with a memory-limit error instead of filling the
     * service's heap; the service's own transactions (import batches, feedback, training reads) stay far below it.
     */
    static long transactionMemoryBytes() {
        String configured = System.getenv("STYLEGRAPH_NEO4J_TX_MEMORY_MB");
        long megabytes = configured == null || configured.isBlank() ? 256 : Long.parseLong(configured.trim());
        return megabytes * 1024 * 1024;
    }

    /** What {@code STYLEGRAPH_NEO4J_TX_LOG_RETENTION} keeps when it is not set. */
    static final String DEFAULT_TX_LOG_RETENTION = "1G size";

    /**
     * {@code STYLEGRAPH_NEO4J_TX_LOG_RETENTION} (default {@value #DEFAULT_TX_LOG_RETENTION}): how much transaction
     * log the store keeps behind its last checkpoint (Neo4j's {@code db.tx_log.rotation.retention_policy}, e.g.
     * {@code "2G size"}, {@code "7 days"}, {@code "keep_all"}). Neo4j's own default keeps two days whatever their
     * size: the 230k-item scale point held 12 GiB of log beside a 3.3 GiB store after an import and two trainings.
     * The embedded store has no online backup to feed, and recovery after a crash only reads from the last
     * checkpoint, which Neo4j never prunes. Older logs go at each checkpoint (every 15 minutes, and at shutdown).
     *
     * @throws IllegalArgumentException naming the variable when Neo4j would not accept the value
     */
    static String transactionLogRetention(String configured) {
        String policy = configured == null || configured.isBlank() ? DEFAULT_TX_LOG_RETENTION : configured.trim();
        try {
            Config.newBuilder().setRaw(Map.of(GraphDatabaseSettings.keep_logical_logs.name(), policy))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("STYLEGRAPH_NEO4J_TX_LOG_RETENTION '" + policy + "' is not a Neo4j "
                    + "transaction log retention policy (e.g. '1G size', '7 days', 'keep_all'): " + e.getMessage(), e);
        }
        return policy;
    }

    public synchronized boolean isRunning() {
        return dbms != null;
    }

    public synchronized String boltUri() {
        return "bolt://" + boltHost + ":" + boltPort;
    }

    public boolean authenticationEnabled() {
        return authentication;
    }

    /** The service's login, or null when authentication is off. Known once {@link #start()} has run. */
    public synchronized BoltLogin serviceLogin() {
        return users == null ? null : users.service();
    }

    /** The read-only analyst login, or null when authentication is off. Known once {@link #start()} has run. */
    public synchronized BoltLogin analystLogin() {
        return users == null ? null : users.analyst();
    }

    /**
     * The store's own database, for writers in this process that go through the Java API instead of Bolt (the
     * importer's {@code GraphImporter.embedded}). Only while started.
     */
    public synchronized GraphDatabaseService database() {
        if (dbms == null) {
            throw new IllegalStateException("the embedded Neo4j is not started");
        }
        return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    public Path homeDirectory() {
        return homeDirectory;
    }

    public synchronized void stop() {
        if (dbms != null) {
            dbms.shutdown();
            dbms = null;
            LOG.info("Embedded Neo4j stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
