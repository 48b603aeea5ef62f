package io.stylegraph.graph.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyCypherTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private ReadOnlyCypher cypher;

    @BeforeAll
    void fixture() {
        TestGraph.clear();
        StyleGraphFixture.create(TestGraph.graph());
        cypher = new ReadOnlyCypher(TestGraph.graph());
    }

    private CypherResult run(String query, Map<String, ?> parameters) {
        return cypher.run(query, parameters, 100, TEN_SECONDS);
    }

    @Test
    void shouldReturnRowsByColumnWithParameters() {
        CypherResult result = run("MATCH (u:User {id: $user})-[:LIKED]->(i:Item) RETURN i.id AS item, i.title AS title "
                + "ORDER BY item", Map.of("user", "ann"));

        assertEquals(List.of("item", "title"), result.columns());
        assertEquals(List.of(Map.of("item", "b1", "title", "Blue jeans"), Map.of("item", "s1", "title", "White sneakers"),
                Map.of("item", "t1", "title", "White tee")), result.rows());
        assertFalse(result.truncated());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTurnNodesRelationshipsAndPathsIntoMapsWithoutLongVectors() {
        Map<String, Object> row = run("MATCH p = (u:User {id: 'ann'})-[r:LIKED]->(i:Item {id: 't1'}) RETURN i, r, p, "
                + "i.embedding AS embedding", Map.of()).rows().get(0);

        Map<String, Object> item = (Map<String, Object>) row.get("i");
        Map<String, Object> properties = (Map<String, Object>) item.get("properties");
        assertEquals(List.of("Item"), item.get("labels"));
        assertEquals("White tee", properties.get("title"));
        assertEquals(Map.of("vector", true, "dimension", 64), properties.get("embedding"));
        assertEquals(List.of(1.0, 0.0, 0.0, 0.1), properties.get("visual"));
        Map<String, Object> liked = (Map<String, Object>) row.get("r");
        assertEquals("LIKED", liked.get("type"));
        assertEquals(item.get("id"), liked.get("end"));
        assertEquals("2026-01-05T10:00Z", ((Map<String, Object>) liked.get("properties")).get("at"));
        Map<String, Object> path = (Map<String, Object>) row.get("p");
        assertEquals(2, ((List<?>) path.get("nodes")).size());
        assertEquals(1, ((List<?>) path.get("relationships")).size());
        assertEquals(64, ((List<?>) row.get("embedding")).size());
    }

    @Test
    void shouldWriteTemporalSpatialAndSpecialValuesAsJsonValues() {
        Map<String, Object> row = run("""
                RETURN date('2026-03-01') AS date, datetime('2026-03-01T12:30:00+01:00') AS offsetTime,
                       datetime({year: 2026, month: 3, day: 1, hour: 12, timezone: 'Europe/Paris'}) AS zonedTime,
                       localdatetime('2026-03-01T12:30') AS local, duration({hours: 1, minutes: 30}) AS duration,
                       point({x: 1.5, y: 2.0}) AS point, 0.0 / 0.0 AS nan, 42 AS answer, [1, 'a', null] AS mixed,
                       {nested: {flag: true}} AS map, null AS nothing
                """, Map.of()).rows().get(0);

        assertEquals("2026-03-01", row.get("date"));
        assertEquals("2026-03-01T12:30+01:00", row.get("offsetTime"));
        assertEquals("2026-03-01T12:00:00+01:00[Europe/Paris]", row.get("zonedTime"));
        assertEquals("2026-03-01T12:30", row.get("local"));
        assertEquals("P0M0DT5400S", row.get("duration"));
        assertEquals(Map.of("srid", 7203, "x", 1.5, "y", 2.0), row.get("point"));
        assertEquals("NaN", row.get("nan"));
        assertEquals(42L, row.get("answer"));
        assertEquals(java.util.Arrays.asList(1L, "a", null), row.get("mixed"));
        assertEquals(Map.of("nested", Map.of("flag", true)), row.get("map"));
        assertTrue(row.containsKey("nothing"));
    }

    @Test
    void shouldCapTheRowsAndSayWhenItDid() {
        CypherResult capped = cypher.run("UNWIND range(1, 10) AS n RETURN n", Map.of(), 3, TEN_SECONDS);
        CypherResult whole = cypher.run("UNWIND range(1, 10) AS n RETURN n", Map.of(), 10, TEN_SECONDS);

        assertEquals(List.of(1L, 2L, 3L), capped.rows().stream().map(r -> r.get("n")).toList());
        assertTrue(capped.truncated());
        assertEquals(10, whole.rows().size());
        assertFalse(whole.truncated());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE (:Item {id: 'new'})",
            "MERGE (i:Item {id: 'merged'}) RETURN i",
            "MATCH (i:Item {id: 't1'}) SET i.title = 'changed' RETURN i",
            "MATCH (i:Item {id: 't1'}) DETACH DELETE i",
            "MATCH (i:Item {id: 't1'}) REMOVE i:Item",
            "MATCH (i:Item) WITH i LIMIT 1 CALL (i) { SET i.title = 'nested' } RETURN i",
            "CREATE INDEX analyst_index FOR (n:Item) ON (n.colour)",
            "DROP INDEX item_visual",
            "MATCH (i:Item {id: 't1'}) CALL db.create.setNodeVectorProperty(i, 'visual', [1.0, 2.0, 3.0, 4.0])",
            "CALL db.clearQueryCaches()",
            "UNWIND [1] AS x CALL { CREATE (:Item {id: 'batched'}) } IN TRANSACTIONS"})
    void shouldRefuseQueriesThatWriteWithoutRunningThem(String query) {
        CypherQueryException refused = assertThrows(CypherQueryException.class, () -> run(query, Map.of()));

        assertEquals(CypherQueryException.Kind.WRITE, refused.kind(), refused.getMessage());
        assertEquals(7L, TestGraph.count("MATCH (i:Item) RETURN count(i)"));
        assertEquals(0L, TestGraph.count("MATCH (i:Item) WHERE i.title IN ['changed', 'nested'] RETURN count(i)"));
        assertEquals(1L, TestGraph.count("SHOW VECTOR INDEXES YIELD name WHERE name = 'item_visual' RETURN count(*)"));
        assertEquals(0L, TestGraph.count("SHOW INDEXES YIELD name WHERE name = 'analyst_index' RETURN count(*)"));
    }

    @Test
    void shouldRefuseLoadCsv() {
        CypherQueryException refused = assertThrows(CypherQueryException.class,
                () -> run("LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", Map.of()));

        assertEquals(CypherQueryException.Kind.FORBIDDEN, refused.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN *",
            "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "SHOW SETTINGS",
            "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'server' RETURN name, value"})
    void shouldRefuseCommandsThatShowOrEndOtherSessionsOrTheServersSettings(String query) {
        CypherQueryException refused = assertThrows(CypherQueryException.class, () -> run(query, Map.of()));

        assertEquals(CypherQueryException.Kind.ADMIN, refused.kind(), refused.getMessage());
    }

    @Test
    void shouldStillAnswerTheCatalogueShowCommands() {
        assertFalse(run("SHOW INDEXES YIELD name RETURN name", Map.of()).rows().isEmpty());
        assertFalse(run("SHOW PROCEDURES YIELD name RETURN name", Map.of()).rows().isEmpty());
        assertFalse(run("SHOW FUNCTIONS YIELD name RETURN name", Map.of()).rows().isEmpty());
        run("SHOW CONSTRAINTS YIELD name RETURN name", Map.of());
    }

    @Test
    void shouldStopAQueryThatNeedsMoreMemoryThanATransactionMayHold() {
        long items = TestGraph.count("MATCH (i:Item) RETURN count(i)");
        // a minute, not the usual ten seconds: on a loaded machine the collect did not reach the memory limit
        // within ten seconds and the time limit ended it first, which is not what this test is about
        CypherQueryException refused = assertThrows(CypherQueryException.class, () -> cypher.run(
                "UNWIND range(1, 20000000) AS n WITH collect(n) AS numbers RETURN size(numbers) AS n", Map.of(), 100,
                Duration.ofMinutes(1)));

        assertEquals(CypherQueryException.Kind.MEMORY, refused.kind(), refused.getMessage());
        assertEquals(items, TestGraph.count("MATCH (i:Item) RETURN count(i)"), "the graph is untouched");
    }

    /** Neo4j does not count a string built in an expression against the limit; Java's 2 GiB string cap ends it. */
    @Test
    void shouldEndAStringThatDoublesPastAnyLimitAsAFailedQueryOnce() {
        CypherQueryException failed = assertThrows(CypherQueryException.class, () -> run(
                "RETURN reduce(s = 'x', i IN range(1, 40) | s + s) AS s", Map.of()));

        assertEquals(CypherQueryException.Kind.FAILED, failed.kind(), failed.getMessage());
        assertEquals(List.of(Map.of("one", 1L)), run("RETURN 1 AS one", Map.of()).rows());
    }

    @Test
    void shouldReportSyntaxErrorsWithNeo4jsMessage() {
        CypherQueryException refused = assertThrows(CypherQueryException.class,
                () -> run("MATCH (n:Item RETURN n", Map.of()));

        assertEquals(CypherQueryException.Kind.SYNTAX, refused.kind());
        assertTrue(refused.getMessage().contains("Invalid input"), refused.getMessage());
    }

    @Test
    void shouldReportAMissingParameter() {
        CypherQueryException refused = assertThrows(CypherQueryException.class,
                () -> run("MATCH (i:Item {id: $itemId}) RETURN i", Map.of()));

        assertEquals(CypherQueryException.Kind.PARAMETER, refused.kind());
        assertTrue(refused.getMessage().contains("itemId"), refused.getMessage());
    }

    @Test
    void shouldReportAFailureWhileRunning() {
        CypherQueryException failed = assertThrows(CypherQueryException.class, () -> run("RETURN 1 / 0 AS x", Map.of()));

        assertEquals(CypherQueryException.Kind.FAILED, failed.kind());
    }

    @Test
    void shouldStopAQueryThatRunsOverItsTimeLimit() {
        CypherQueryException timedOut = assertThrows(CypherQueryException.class, () -> cypher.run(
                "UNWIND range(1, 100000000) AS n WITH n WHERE n % 7 = 100 RETURN count(n)", Map.of(), 10,
                Duration.ofMillis(200)));

        assertEquals(CypherQueryException.Kind.TIMEOUT, timedOut.kind());
    }

    @Test
    void shouldTakeParametersAsJsonReadersProduceThem() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("int", 7);
        parameters.put("big", BigInteger.valueOf(1L << 40));
        parameters.put("decimal", new BigDecimal("0.25"));
        parameters.put("list", List.of("t1", "b1"));
        parameters.put("map", Map.of("limit", 2));
        parameters.put("none", null);

        Map<String, Object> row = run("RETURN $int + 1 AS int, $big AS big, $decimal * 2 AS decimal, "
                + "size($list) AS size, $map.limit AS limit, $none IS NULL AS none", parameters).rows().get(0);

        assertEquals(Map.of("int", 8L, "big", 1L << 40, "decimal", 0.5, "size", 2L, "limit", 2L, "none", true), row);
        CypherQueryException tooBig = assertThrows(CypherQueryException.class,
                () -> run("RETURN $x", Map.of("x", BigInteger.TWO.pow(70))));
        assertEquals(CypherQueryException.Kind.PARAMETER, tooBig.kind());
    }
}
