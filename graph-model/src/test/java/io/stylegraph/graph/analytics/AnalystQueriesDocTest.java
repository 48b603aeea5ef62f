package io.stylegraph.graph.analytics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.stylegraph.graph.neo4j.BoltLogin;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * Every {@code cypher} block of docs/analysts.md, run on {@link StyleGraphFixture} as the embedded analyst over Bolt
 * and through the HTTP endpoint's {@link ReadOnlyCypher}: each must be accepted as read-only and find something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystQueriesDocTest {
    private static final Path PAGE = Path.of("..", "docs", "analysts.md");
    private static final Pattern CYPHER_BLOCK = Pattern.compile("```cypher\\n(.*?)```", Pattern.DOTALL);
    private static final Map<String, Object> PARAMETERS = Map.of("itemId", "t1", "userId", "ann", "limit", 10);

    private EmbeddedNeo4j server;
    private GraphDatabase analyst;

    @BeforeAll
    void start(@TempDir Path home) {
        server = EmbeddedNeo4j.withUsers(home, "127.0.0.1", 0).start();
        BoltLogin service = server.serviceLogin();
        try (GraphDatabase writer = GraphDatabase.connect(server.boltUri(), service.username(), service.password(),
                "neo4j")) {
            StyleGraphFixture.create(writer);
        }
        BoltLogin login = server.analystLogin();
        analyst = GraphDatabase.connect(server.boltUri(), login.username(), login.password(), "neo4j");
    }

    @AfterAll
    void stop() {
        analyst.close();
        server.stop();
    }

    static List<String> documentedQueries() throws IOException {
        Matcher blocks = CYPHER_BLOCK.matcher(Files.readString(PAGE));
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            queries.add(blocks.group(1).strip());
        }
        return queries;
    }

    @TestFactory
    Stream<DynamicTest> shouldRunEveryDocumentedQueryAsTheAnalyst() throws IOException {
        List<String> queries = documentedQueries();
        assertTrue(queries.size() >= 15, "expected the page's queries, found " + queries.size());
        ReadOnlyCypher endpoint = new ReadOnlyCypher(analyst);
        return queries.stream().map(query -> DynamicTest.dynamicTest(query.lines().findFirst().orElse(query), () -> {
            List<Record> overBolt = analyst.read(tx -> tx.run(query, PARAMETERS).list());
            assertFalse(overBolt.isEmpty(), "no rows over Bolt for:\n" + query);

            CypherResult overHttp = endpoint.run(query, PARAMETERS, 1000, Duration.ofSeconds(30));
            assertFalse(overHttp.rows().isEmpty(), "no rows through the endpoint's executor for:\n" + query);
        }));
    }
}
