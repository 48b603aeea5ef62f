package io.stylegraph.graph.neo4j.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.stylegraph.graph.neo4j.BoltLogin;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.EmbeddedUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The embedded Neo4j's analyst user over a real Bolt connection: reads everything, changes nothing (graph, schema,
 * users), while the service's user still writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyAnalystTest {
    private static final String FORBIDDEN = "Neo.ClientError.Security.Forbidden";
    private EmbeddedNeo4j server;
    private Driver service;
    private Driver analyst;

    @BeforeAll
    void start(@TempDir Path home) {
        server = EmbeddedNeo4j.withUsers(home, "127.0.0.1", 0).start();
        service = driver(server.serviceLogin());
        analyst = driver(server.analystLogin());
        run(service, "neo4j", "CREATE (:User {id: 'ann'})-[:LIKED {at: datetime()}]->(:Item {id: 'i1', title: 'Red dress'})",
                Map.of());
        run(service, "neo4j", "CREATE CONSTRAINT item_id IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE", Map.of());
    }

    @AfterAll
    void stop() {
        analyst.close();
        service.close();
        server.stop();
    }

    private Driver driver(BoltLogin login) {
        return GraphDatabase.driver(server.boltUri(), AuthTokens.basic(login.username(), login.password()),
                Config.builder().withConnectionTimeout(2, TimeUnit.SECONDS).build());
    }

    private static List<Record> run(Driver driver, String database, String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            return session.run(cypher, parameters).list();
        }
    }

    @Test
    void shouldLetTheAnalystRead() {
        List<Record> likes = run(analyst, "neo4j",
                "MATCH (u:User)-[r:LIKED]->(i:Item) RETURN u.id AS user, i.title AS title", Map.of());
        assertEquals(1, likes.size());
        assertEquals("Red dress", likes.get(0).get("title").asString());
        assertFalse(run(analyst, "neo4j", "SHOW INDEXES YIELD name RETURN name", Map.of()).isEmpty());
        assertFalse(run(analyst, "neo4j", "SHOW CONSTRAINTS YIELD name RETURN name", Map.of()).isEmpty());
        assertFalse(run(analyst, "neo4j", "SHOW PROCEDURES YIELD name RETURN name", Map.of()).isEmpty());
        assertFalse(run(analyst, "system", "SHOW DATABASES YIELD name RETURN name", Map.of()).isEmpty());
        assertEquals(EmbeddedUsers.ANALYST_USER,
                run(analyst, "system", "SHOW CURRENT USER YIELD user RETURN user", Map.of()).get(0).get(0).asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE (:Item {id: 'new'})",
            "MERGE (:Item {id: 'merged'})",
            "MATCH (i:Item {id: 'i1'}) SET i.title = 'changed'",
            "MATCH (i:Item {id: 'i1'}) SET i:Featured",
            "MATCH (i:Item {id: 'i1'}) SET i:User",
            "MATCH (i:Item {id: 'i1'}) REMOVE i:Item",
            "MATCH (i:Item {id: 'i1'}) REMOVE i.title",
            "MATCH (:User)-[r:LIKED]->() DELETE r",
            "MATCH (n) DETACH DELETE n",
            "MATCH (u:User), (i:Item) CREATE (u)-[:DISLIKED]->(i)",
            "MATCH (u:User), (i:Item) CREATE (u)-[:LIKED]->(i)",
            "CREATE INDEX analyst_index FOR (n:Item) ON (n.colour)",
            "CREATE INDEX analyst_index FOR (n:Item) ON (n.title)",
            "CREATE VECTOR INDEX analyst_vectors FOR (n:Item) ON n.title OPTIONS {indexConfig: "
                    + "{`vector.dimensions`: 4, `vector.similarity_function`: 'cosine'}}",
            "DROP CONSTRAINT item_id",
            "MATCH (i:Item {id: 'i1'}) CALL db.create.setNodeVectorProperty(i, 'visual', [1.0, 2.0])",
            "MATCH (i:Item {id: 'i1'}) CALL db.create.setNodeVectorProperty(i, 'title', [1.0, 2.0])",
            "CALL db.createLabel('Analyst')",
            "CALL { CREATE (:Item {id: 'batched'}) } IN TRANSACTIONS",
            "MATCH (i:Item {id: 'i1'}) CALL (i) { SET i.title = 'nested' } RETURN i"})
    void shouldRefuseEveryChangeToTheGraphByTheAnalyst(String statement) {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j", statement, Map.of()));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
        assertEquals(List.of("i1"), run(service, "neo4j", "MATCH (i:Item) RETURN i.id AS id", Map.of()).stream()
                .map(r -> r.get("id").asString()).toList());
        assertEquals("Red dress", run(service, "neo4j", "MATCH (i:Item) RETURN i.title", Map.of()).get(0).get(0)
                .asString());
        assertEquals(1L, run(service, "neo4j", "MATCH ()-[r]->() RETURN count(r)", Map.of()).get(0).get(0).asLong());
        assertEquals(List.of("item_id"), run(service, "neo4j",
                "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", Map.of()).stream()
                .map(r -> r.get(0).asString()).toList());
        assertEquals(List.of("Item", "User"), run(service, "neo4j",
                "CALL db.labels() YIELD label RETURN label ORDER BY label", Map.of()).stream()
                .map(r -> r.get(0).asString()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE USER intruder SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED",
            "ALTER USER stylegraph SET PASSWORD 'taken-over-password' CHANGE NOT REQUIRED",
            "ALTER USER analyst SET PASSWORD 'another-password' CHANGE NOT REQUIRED",
            "DROP USER stylegraph",
            "RENAME USER stylegraph TO gone",
            "SHOW USERS"})
    void shouldRefuseEveryChangeToTheUsersByTheAnalyst(String statement) {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "system", statement, Map.of()));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
        assertEquals(List.of(EmbeddedUsers.ANALYST_USER, EmbeddedUsers.SERVICE_USER), users());
        assertTrue(canLogIn(server.serviceLogin()));
        assertTrue(canLogIn(server.analystLogin()));
    }

    @Test
    void shouldNotLetTheAnalystReadFilesOrUrlsWithLoadCsv() {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j",
                "LOAD CSV FROM $url AS line RETURN line", Map.of("url", server.homeDirectory().resolve(EmbeddedUsers.FILE_NAME).toUri().toString())));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
    }

    @Test
    void shouldRefuseTheAnalystChangingTheirOwnPassword() {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "system",
                "ALTER CURRENT USER SET PASSWORD FROM $old TO 'a-new-password'",
                Map.of("old", server.analystLogin().password())));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
        assertTrue(canLogIn(server.analystLogin()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN *",
            "SHOW SETTINGS", "SHOW SETTINGS 'server.bolt.listen_address' YIELD value RETURN value"})
    void shouldRefuseTheAnalystListingTransactionsOrSettings(String statement) {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j", statement, Map.of()));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
    }

    @Test
    void shouldNotLetOneAnalystSessionEndAnothersTransaction() {
        try (Driver otherAnalyst = driver(server.analystLogin());
             Session session = otherAnalyst.session(SessionConfig.forDatabase("neo4j"));
             Transaction running = session.beginTransaction()) {
            running.run("MATCH (i:Item) RETURN count(i)").consume();
            String id = runningTransaction(EmbeddedUsers.ANALYST_USER);

            Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j",
                    "TERMINATE TRANSACTIONS $id YIELD message RETURN message", Map.of("id", id)));

            assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
            assertEquals(1L, running.run("MATCH (i:Item) RETURN count(i)").single().get(0).asLong());
            running.commit();
        }
    }

    @Test
    void shouldNotLetTheAnalystEndTheServicesTransaction() {
        try (Session session = service.session(SessionConfig.forDatabase("neo4j"));
             Transaction open = session.beginTransaction()) {
            open.run("MATCH (i:Item) RETURN count(i)").consume();
            String id = runningTransaction(EmbeddedUsers.SERVICE_USER);

            Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j",
                    "TERMINATE TRANSACTIONS $id YIELD message RETURN message", Map.of("id", id)));

            assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
            assertEquals(1L, open.run("MATCH (i:Item) RETURN count(i)").single().get(0).asLong());
            open.commit();
        }
    }

    /** The id of the open transaction of {@code user} that is not this lookup, as the service sees it. */
    private String runningTransaction(String user) {
        return run(service, "neo4j", "SHOW TRANSACTIONS YIELD transactionId, username, currentQuery "
                + "WHERE username = $user AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
                Map.of("user", user)).get(0).get(0).asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL dbms.listConfig()", "CALL db.clearQueryCaches()", "CALL db.stats.clear('QUERIES')",
            "CALL db.prepareForReplanning()"})
    void shouldRefuseAdminProceduresToTheAnalyst(String call) {
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j", call, Map.of()));

        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
    }

    @Test
    void shouldNotLetTheAnalystSeeOrKillTheServicesConnections() {
        String serviceConnection = run(service, "neo4j", "CALL dbms.listConnections() YIELD connectionId, username "
                + "WHERE username = $user RETURN connectionId", Map.of("user", EmbeddedUsers.SERVICE_USER))
                .get(0).get(0).asString();

        List<String> seen = run(analyst, "neo4j", "CALL dbms.listConnections() YIELD connectionId RETURN connectionId",
                Map.of()).stream().map(r -> r.get(0).asString()).toList();
        Neo4jException refused = assertThrows(Neo4jException.class, () -> run(analyst, "neo4j",
                "CALL dbms.killConnection($id)", Map.of("id", serviceConnection)));

        assertFalse(seen.contains(serviceConnection), seen.toString());
        assertEquals(FORBIDDEN, refused.code(), refused.getMessage());
        assertTrue(run(service, "neo4j", "CALL dbms.listConnections() YIELD connectionId RETURN connectionId", Map.of())
                .stream().anyMatch(r -> r.get(0).asString().equals(serviceConnection)));
    }

    @Test
    void shouldLetTheServiceWrite() {
        run(service, "neo4j", "CREATE (:Scratch {id: 's'})", Map.of());
        run(service, "neo4j", "CREATE INDEX scratch_id IF NOT EXISTS FOR (n:Scratch) ON (n.id)", Map.of());
        try {
            assertEquals(1L, run(analyst, "neo4j", "MATCH (s:Scratch) RETURN count(s)", Map.of()).get(0).get(0)
                    .asLong());
        } finally {
            run(service, "neo4j", "DROP INDEX scratch_id IF EXISTS", Map.of());
            run(service, "neo4j", "MATCH (s:Scratch) DELETE s", Map.of());
        }
    }

    @Test
    void shouldRefuseTheInitialUserAndWrongPasswords() {
        assertFalse(canLogIn(new BoltLogin("neo4j", "neo4j")));
        assertFalse(canLogIn(new BoltLogin(EmbeddedUsers.ANALYST_USER, "guessed")));
        assertThrows(Neo4jException.class, () -> {
            try (Driver anonymous = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
                anonymous.verifyConnectivity();
            }
        });
    }

    @Test
    void shouldKeepThePasswordsInTheStoreDirectoryAcrossRestarts(@TempDir Path other) throws Exception {
        try (EmbeddedNeo4j first = EmbeddedNeo4j.withUsers(other, "127.0.0.1", 0).start()) {
            BoltLogin analystBefore = first.analystLogin();
            Path file = other.resolve(EmbeddedUsers.FILE_NAME);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
            first.stop();
            first.start();
            assertEquals(analystBefore, first.analystLogin());
            try (Driver again = GraphDatabase.driver(first.boltUri(),
                    AuthTokens.basic(analystBefore.username(), analystBefore.password()))) {
                again.verifyConnectivity();
            }
        }
        try (EmbeddedNeo4j restarted = EmbeddedNeo4j.withUsers(other, "127.0.0.1", 0).start()) {
            assertTrue(Files.readString(other.resolve(EmbeddedUsers.FILE_NAME))
                    .contains(restarted.serviceLogin().password()));
        }
    }

    private List<String> users() {
        return run(service, "system", "SHOW USERS YIELD user RETURN user ORDER BY user", Map.of()).stream()
                .map(r -> r.get(0).asString()).toList();
    }

    private boolean canLogIn(BoltLogin login) {
        try (Driver driver = driver(login)) {
            driver.verifyConnectivity();
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }
}
