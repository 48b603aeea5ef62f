package io.stylegraph.graph.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs an analyst's Cypher query without letting it change anything. First Neo4j plans it ({@code EXPLAIN}, nothing
 * runs) and anything whose plan is not read-only is refused: {@code CREATE}, {@code MERGE}, {@code SET},
 * {@code DELETE}, schema and administration commands, procedures that write. Then it runs in a read transaction with
 * a time limit, and at most {@code maxRows} rows are kept ({@link CypherResult#truncated()} says when more came).
 * <p>
 * On a single server a "read" transaction is only a routing hint, so the plan check is what keeps writes out there;
 * give this class a driver logged in as a read-only user where one exists (the embedded {@code analyst}, an Enterprise
 * {@code reader}) and the server refuses writes as well. {@code LOAD CSV} is refused too: it reads the server's files
 * and fetches URLs from inside the network.
 */
public final class ReadOnlyCypher {
    private final GraphDatabase graph;

    public ReadOnlyCypher(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * @param parameters values as read from JSON (see {@link CypherParameters})
     * @param maxRows    the most rows returned; at least 1
     * @param timeout    for each of the plan check and the run
     * @throws CypherQueryException for a query refused or failed for a reason the analyst can act on; other driver
     *                              exceptions (the graph is unavailable, ...) pass through
     */
    public CypherResult run(String query, Map<String, ?> parameters, int maxRows, Duration timeout) {
        if (query == null || query.isBlank()) {
            throw new CypherQueryException(CypherQueryException.Kind.SYNTAX, "The query is empty");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        Map<String, Object> values = CypherParameters.normalise(parameters);
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(Map.of("app", "stylegraph-analytics")).build();
        SessionConfig session = SessionConfig.builder().withDatabase(graph.database())
                .withDefaultAccessMode(AccessMode.READ).build();
        try (Session reads = graph.driver().session(session)) {
            ResultSummary plan = reads.executeRead(tx -> tx.run("EXPLAIN " + query, values).consume(), config);
            requireReadOnly(plan);
            return reads.executeRead(tx -> collect(tx.run(query, values), maxRows), config);
        } catch (Neo4jException e) {
            throw translate(e, timeout);
        }
    }

    private static void requireReadOnly(ResultSummary plan) {
        QueryType type = plan.queryType();
        if (type != QueryType.READ_ONLY) {
            throw new CypherQueryException(CypherQueryException.Kind.WRITE, "Only read-only queries may run here; "
                    + "Neo4j plans this one as " + describe(type) + ". Analysts cannot change the graph.");
        }
        if (plan.hasPlan() && usesOperator(plan.plan(), "LoadCSV")) {
            throw new CypherQueryException(CypherQueryException.Kind.FORBIDDEN, "LOAD CSV is not available to "
                    + "analysts: it reads files on the server and fetches URLs from inside its network");
        }
    }

    private static String describe(QueryType type) {
        return switch (type) {
            case READ_WRITE -> "reading and writing";
            case WRITE_ONLY -> "writing";
            case SCHEMA_WRITE -> "a schema or administration change";
            default -> String.valueOf(type);
        };
    }

    private static boolean usesOperator(Plan plan, String operatorPrefix) {
        if (plan.operatorType().startsWith(operatorPrefix)) {
            return true;
        }
        for (Plan child : plan.children()) {
            if (usesOperator(child, operatorPrefix)) {
                return true;
            }
        }
        return false;
    }

    private static CypherResult collect(Result result, int maxRows) {
        List<String> columns = result.keys();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.hasNext()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            Record record = result.next();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), CypherValues.toJava(record.get(i)));
            }
            rows.add(row);
        }
        return new CypherResult(columns, rows, truncated);
    }

    static RuntimeException translate(Neo4jException e, Duration timeout) {
        String code = e.code() == null ? "" : e.code();
        if (code.contains("TransactionTimedOut")) {
            return new CypherQueryException(CypherQueryException.Kind.TIMEOUT, "The query did not finish within "
                    + timeout.toMillis() + " ms; narrow the MATCH or add a LIMIT", e);
        }
        if (code.equals("Neo.ClientError.Statement.SyntaxError")) {
            return new CypherQueryException(CypherQueryException.Kind.SYNTAX, e.getMessage(), e);
        }
        if (code.equals("Neo.ClientError.Statement.ParameterMissing")
                || code.equals("Neo.ClientError.Statement.TypeError") && e.getMessage().contains("parameter")) {
            return new CypherQueryException(CypherQueryException.Kind.PARAMETER, e.getMessage(), e);
        }
        if (code.startsWith("Neo.ClientError.Security.")) {
            return new CypherQueryException(CypherQueryException.Kind.FORBIDDEN, e.getMessage(), e);
        }
        if (code.startsWith("Neo.ClientError.Statement.") || code.startsWith("Neo.ClientError.Procedure.")
                || code.startsWith("Neo.ClientError.Schema.")) {
            return new CypherQueryException(CypherQueryException.Kind.FAILED, e.getMessage(), e);
        }
        return e;
    }
}
