package io.stylegraph.api.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;

/**
 * {@code /v1/analytics}: the cypher endpoint (rows, values, row cap, write rejection, errors) and the GET questions,
 * on three items per slot, a few likes, two outfits and some learned pairs.
 */
@MicronautTest(transactional = false)
class AnalyticsApiTest extends ApiTestSupport {
    private static final int ROW_CAP = 25;

    @Inject
    AnalyticsGraph analyticsGraph;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.analytics.max-rows", String.valueOf(ROW_CAP));
        return properties;
    }

    /**
     * Categories tops, bottoms, shoess, dresss (the test catalogue's names). ann likes top-0, bottom-0, shoes-0 and
     * dislikes dress-0; bob likes top-0, bottom-0 and dislikes top-1; cat likes top-0, shoes-0. Outfits o1 =
     * top-0 + bottom-0 + shoes-0, o2 = top-0 + bottom-0. PAIRS_WITH top-0→bottom-0 0.9, top-0→shoes-0 0.7;
     * SIMILAR top-0→top-1 0.8. top-0 carries a 64-d embedding.
     */
    @BeforeAll
    void styleGraph() {
        resetCatalogue(3);
        graph.run("""
                MATCH (t0:Item {id: 'top-0'}), (t1:Item {id: 'top-1'}), (b0:Item {id: 'bottom-0'}),
                      (s0:Item {id: 'shoes-0'}), (d0:Item {id: 'dress-0'})
                CREATE (ann:User {id: 'ann'}), (bob:User {id: 'bob'}), (cat:User {id: 'cat'})
                CREATE (ann)-[:LIKED {at: datetime('2026-02-01T09:00:00Z')}]->(t0), (ann)-[:LIKED]->(b0),
                       (ann)-[:LIKED]->(s0), (ann)-[:DISLIKED]->(d0),
                       (bob)-[:LIKED]->(t0), (bob)-[:LIKED]->(b0), (bob)-[:DISLIKED]->(t1),
                       (cat)-[:LIKED]->(t0), (cat)-[:LIKED]->(s0)
                CREATE (o1:Outfit {id: 'o1'})-[:CONTAINS {slot: 'top'}]->(t0), (o1)-[:CONTAINS {slot: 'bottom'}]->(b0),
                       (o1)-[:CONTAINS {slot: 'shoes'}]->(s0),
                       (o2:Outfit {id: 'o2'})-[:CONTAINS {slot: 'top'}]->(t0), (o2)-[:CONTAINS {slot: 'bottom'}]->(b0)
                CREATE (t0)-[:PAIRS_WITH {score: 0.9, support: 2, model: 'test'}]->(b0),
                       (t0)-[:PAIRS_WITH {score: 0.7, support: 1, model: 'test'}]->(s0),
                       (t0)-[:SIMILAR {score: 0.8}]->(t1)
                SET t0.embedding = [x IN range(1, 64) | x / 64.0]
                """, Map.of());
    }

    private Map<String, Object> cypher(String body) {
        return readMap(postJson("/v1/analytics/cypher", body).body());
    }

    private Problem cypherProblem(String body) {
        return expectProblem(HttpRequest.POST("/v1/analytics/cypher", body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String json(String query) {
        return "{\"query\": \"" + query.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void shouldRunAReadOnlyQueryWithParameters() {
        Map<String, Object> answer = cypher("""
                {"query": "MATCH (u:User {id: $user})-[:LIKED]->(i:Item) RETURN i.id AS item, i.slot AS slot ORDER BY item",
                 "params": {"user": "ann"}}""");

        assertEquals(List.of("item", "slot"), answer.get("columns"));
        assertEquals(List.of(Map.of("item", "bottom-0", "slot", "bottom"), Map.of("item", "shoes-0", "slot", "shoes"),
                Map.of("item", "top-0", "slot", "top")), answer.get("rows"));
        assertEquals(3, answer.get("rowCount"));
        assertEquals(false, answer.get("truncated"));
        assertEquals(ROW_CAP, answer.get("maxRows"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerNodesRelationshipsAndNullsAsJson() {
        String raw = postJson("/v1/analytics/cypher", json(
                "MATCH (:User {id: 'ann'})-[r:LIKED]->(i:Item {id: 'top-0'}) RETURN i, r, null AS nothing, "
                        + "[1, 2.5, 'x'] AS list")).body();
        Map<String, Object> row = ((List<Map<String, Object>>) readMap(raw).get("rows")).get(0);

        Map<String, Object> item = (Map<String, Object>) row.get("i");
        assertEquals(List.of("Item"), item.get("labels"));
        Map<String, Object> properties = (Map<String, Object>) item.get("properties");
        assertEquals("A top 0", properties.get("title"));
        assertEquals(Map.of("vector", true, "dimension", 64), properties.get("embedding"));
        Map<String, Object> liked = (Map<String, Object>) row.get("r");
        assertEquals("LIKED", liked.get("type"));
        assertEquals(item.get("id"), liked.get("end"));
        assertEquals("2026-02-01T09:00Z", ((Map<String, Object>) liked.get("properties")).get("at"));
        assertTrue(row.containsKey("nothing"), raw);
        assertEquals(null, row.get("nothing"));
        assertEquals(List.of(1, 2.5, "x"), row.get("list"));
    }

    @Test
    void shouldCutRowsAtTheConfiguredCapAndAtMaxRows() {
        Map<String, Object> capped = cypher(json("UNWIND range(1, 100) AS n RETURN n"));
        Map<String, Object> asked = cypher("{\"query\": \"UNWIND range(1, 100) AS n RETURN n\", \"maxRows\": 3}");
        Map<String, Object> whole = cypher(json("UNWIND range(1, 10) AS n RETURN n"));

        assertEquals(ROW_CAP, ((List<?>) capped.get("rows")).size());
        assertEquals(true, capped.get("truncated"));
        assertEquals(List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)), asked.get("rows"));
        assertEquals(true, asked.get("truncated"));
        assertEquals(10, whole.get("rowCount"));
        assertEquals(false, whole.get("truncated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE (:Item {id: 'new'})",
            "MERGE (i:Item {id: 'merged'}) RETURN i",
            "MATCH (i:Item {id: 'top-0'}) SET i.title = 'changed'",
            "MATCH (i:Item {id: 'top-0'}) DETACH DELETE i",
            "MATCH (:User)-[r:LIKED]->() DELETE r",
            "CREATE INDEX analyst_index FOR (n:Item) ON (n.colour)",
            "DROP CONSTRAINT item_id",
            "MATCH (i:Item {id: 'top-0'}) CALL db.create.setNodeVectorProperty(i, 'visual', [1.0, 2.0])",
            "CREATE USER intruder SET PASSWORD 'intruder-password'"})
    void shouldRejectQueriesThatWrite(String query) {
        Problem problem = cypherProblem(json(query));

        assertEquals(403, problem.status());
        assertEquals("cypher-write-rejected", problem.code());
        assertEquals("query", problem.field());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals(12, count("MATCH (i:Item) RETURN count(i)", Map.of()));
        assertEquals(0, count("MATCH (i:Item {title: 'changed'}) RETURN count(i)", Map.of()));
        assertEquals(9, count("MATCH ()-[r:LIKED|DISLIKED]->() RETURN count(r)", Map.of()));
        assertEquals(1, count("SHOW CONSTRAINTS YIELD name WHERE name = 'item_id' RETURN count(*)", Map.of()));
        assertEquals(0, count("MATCH (i:Item) WHERE i.visual IS NOT NULL RETURN count(i)", Map.of()));
    }

    @Test
    void shouldRejectLoadCsv() {
        Problem problem = cypherProblem(json("LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line"));

        assertEquals(403, problem.status());
        assertEquals("cypher-forbidden", problem.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN *",
            "SHOW SETTINGS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"})
    void shouldRejectCommandsThatShowOrEndOtherSessionsOrShowSettings(String query) {
        Problem problem = cypherProblem(json(query));

        assertEquals(403, problem.status());
        assertEquals("cypher-admin-rejected", problem.code());
        assertEquals("query", problem.field());
    }

    @Test
    void shouldNotLetOneAnalystEndAnotherAnalystsRunningQuery() {
        try (Session session = analyticsGraph.graph().session();
             Transaction running = session.beginTransaction()) {
            running.run("MATCH (i:Item) RETURN count(i)").consume();
            String id = graph.read(tx -> tx.run("SHOW TRANSACTIONS YIELD transactionId, username, currentQuery "
                    + "WHERE username = 'analyst' AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId")
                    .single().get(0).asString());

            Problem problem = cypherProblem(json("TERMINATE TRANSACTIONS '" + id + "'"));

            assertEquals(403, problem.status());
            assertEquals("cypher-admin-rejected", problem.code());
            assertEquals(12L, running.run("MATCH (i:Item) RETURN count(i)").single().get(0).asLong());
            running.rollback();
        }
    }

    @Test
    void shouldEndAQueryThatNeedsMoreMemoryThanATransactionMayHoldWithAProblem() {
        Problem problem = cypherProblem(json("UNWIND range(1, 20000000) AS n WITH collect(n) AS numbers "
                + "RETURN size(numbers) AS n"));

        assertEquals(422, problem.status());
        assertEquals("cypher-memory-limit", problem.code());
        assertEquals(1, ((List<?>) cypher(json("RETURN 1 AS one")).get("rows")).size());
    }

    @Test
    void shouldRunAsTheReadOnlyAnalystSoTheServerRefusesWritesToo() {
        assertTrue(analyticsGraph.ownLogin());
        ClientException refused = assertThrows(ClientException.class,
                () -> analyticsGraph.graph().run("CREATE (:Item {id: 'sneaked'})", Map.of()));

        assertEquals("Neo.ClientError.Security.Forbidden", refused.code());
        assertEquals(0, count("MATCH (i:Item {id: 'sneaked'}) RETURN count(i)", Map.of()));
    }

    @Test
    void shouldPassOnNeo4jsMessageForSyntaxErrors() {
        Problem problem = cypherProblem(json("MATCH (n:Item RETURN n"));

        assertEquals(400, problem.status());
        assertEquals("cypher-syntax", problem.code());
        assertEquals("query", problem.field());
        assertTrue(String.valueOf(problem.body().get("detail")).contains("Invalid input"), problem.raw());
    }

    @Test
    void shouldNameAMissingParameter() {
        Problem problem = cypherProblem(json("MATCH (i:Item {id: $itemId}) RETURN i"));

        assertEquals(400, problem.status());
        assertEquals("cypher-parameter", problem.code());
        assertEquals("params", problem.field());
        assertTrue(String.valueOf(problem.body().get("detail")).contains("itemId"), problem.raw());
    }

    @Test
    void shouldReportAQueryThatFailsWhileRunning() {
        Problem problem = cypherProblem(json("RETURN 1 / 0 AS x"));

        assertEquals(400, problem.status());
        assertEquals("cypher-failed", problem.code());
    }

    @Test
    void shouldRefuseBadRequestBodies() {
        Problem missing = cypherProblem("{\"params\": {}}");
        Problem blank = cypherProblem("{\"query\": \"  \"}");
        Problem malformed = cypherProblem("{\"query\": ");
        Problem tooMany = cypherProblem("{\"query\": \"RETURN 1\", \"maxRows\": " + (ROW_CAP + 1) + "}");
        Problem zero = cypherProblem("{\"query\": \"RETURN 1\", \"maxRows\": 0}");
        Problem notAMap = cypherProblem("{\"query\": \"RETURN 1\", \"params\": [1, 2]}");

        assertEquals(List.of("invalid-field:query", "invalid-field:query", "malformed-json", "invalid-field:maxRows",
                        "invalid-field:maxRows", "malformed-json"),
                List.of(missing.code() + ":" + missing.field(), blank.code() + ":" + blank.field(), malformed.code(),
                        tooMany.code() + ":" + tooMany.field(), zero.code() + ":" + zero.field(),
                        notAMap.code()));
        assertTrue(List.of(missing, blank, malformed, tooMany, zero, notAMap).stream().allMatch(p -> p.status() == 400));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListTheMostCoLikedPairs() {
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) getJson("/v1/analytics/co-liked-pairs?limit=2")
                .get("pairs");

        assertEquals(2, pairs.size());
        assertEquals(List.of("bottom-0+top-0:2", "shoes-0+top-0:2"), pairs.stream().map(p ->
                ((Map<String, Object>) p.get("first")).get("id") + "+" + ((Map<String, Object>) p.get("second")).get("id")
                        + ":" + p.get("users")).toList());
        assertEquals("A bottom 0", ((Map<String, Object>) pairs.get(0).get("first")).get("title"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerTheCategoryPairMatrix() {
        Map<String, Object> answer = getJson("/v1/analytics/category-pairs");

        assertEquals(List.of("bottoms", "shoess", "tops"), answer.get("categories"));
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) answer.get("pairs");
        assertEquals(Map.of("first", "bottoms", "second", "tops", "itemPairs", 2, "outfits", 2, "learnedPairs", 1,
                "meanScore", 0.9), pairs.get(0));
        assertEquals(3, pairs.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountOpinionsPerCategory() {
        List<Map<String, Object>> categories = (List<Map<String, Object>>) getJson("/v1/analytics/category-opinions")
                .get("categories");

        assertEquals(Map.of("category", "tops", "slot", "top", "items", 3, "likes", 3, "dislikes", 1,
                "likeShare", 0.75), categories.get(0));
        assertEquals(List.of("tops", "bottoms", "shoess", "dresss"), categories.stream().map(c -> c.get("category"))
                .toList());
        assertEquals(Map.of("category", "dresss", "slot", "dress", "items", 3, "likes", 0, "dislikes", 1,
                "likeShare", 0.0), categories.get(3));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeAnItemsNeighbourhood() {
        Map<String, Object> answer = getJson("/v1/analytics/items/top-0/neighbourhood?limit=5");

        assertEquals("top-0", ((Map<String, Object>) answer.get("item")).get("id"));
        assertEquals(3, answer.get("likes"));
        assertEquals(List.of("top-1"), ids(answer.get("similar")));
        assertEquals(List.of("bottom-0", "shoes-0"), ids(answer.get("pairsWith")));
        assertEquals(List.of("bottom-0", "shoes-0"), ids(answer.get("coLiked")));
        assertEquals(List.of("bottom-0", "shoes-0"), ids(answer.get("outfitCompanions")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object neighbours) {
        return ((List<Map<String, Object>>) neighbours).stream()
                .map(n -> ((Map<String, Object>) n.get("item")).get("id")).toList();
    }

    @Test
    void shouldRefuseBadParametersOfTheQuestions() {
        Problem unknown = expectProblem(HttpRequest.GET("/v1/analytics/items/nope/neighbourhood"));
        Problem zero = expectProblem(HttpRequest.GET("/v1/analytics/co-liked-pairs?limit=0"));
        Problem tooMany = expectProblem(HttpRequest.GET("/v1/analytics/items/top-0/neighbourhood?limit=101"));
        Problem notANumber = expectProblem(HttpRequest.GET("/v1/analytics/category-pairs?limit=lots"));

        assertEquals(404, unknown.status());
        assertEquals("unknown-item", unknown.code());
        assertEquals(List.of("invalid-field:limit", "invalid-field:limit", "invalid-value:limit"),
                List.of(zero.code() + ":" + zero.field(), tooMany.code() + ":" + tooMany.field(),
                        notANumber.code() + ":" + notANumber.field()));
        assertEquals(400, zero.status());
    }
}
