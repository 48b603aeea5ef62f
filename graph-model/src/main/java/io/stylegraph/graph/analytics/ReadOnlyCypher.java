package io.stylegraph.graph.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Runs an analyst's Cypher query without letting it change anything. First Neo4j plans it ({@code EXPLAIN}, nothing
 * runs) and anything whose plan is not read-only is refused: {@code CREATE}, {@code MERGE}, {@code SET},
 * {@code DELETE}, schema and administration commands, procedures that write, and the show and terminate commands
 * that reach beyond the graph ({@code SHOW TRANSACTIONS}, {@code TERMINATE TRANSACTIONS}, {@code SHOW SETTINGS}, ...).
 * Then it runs in a read transaction with a time limit, once (a failed query is not retried), and at most
 * {@code maxRows} rows are kept ({@link CypherResult#truncated()} says when more came). A query that needs more
 * memory than the server lets one transaction hold fails with {@link CypherQueryException.Kind#MEMORY}.
 * <p>
 * On a single server a "read" transaction is only a routing hint, so the plan check is what keeps writes out there;
 * give this class a driver logged in as a read-only user where one exists (the embedded {@code analyst}, an Enterprise
 * {@code reader}) and the server refuses writes as well. {@code LOAD CSV} is refused too: it reads the server's files
 * and fetches URLs from inside the network.
 */
public final class ReadOnlyCypher {
    /** Show commands that only describe the graph's schema and the callable procedures and functions. */
    private static final Set<String> CATALOGUE_COMMANDS = Set.of("ShowIndexes", "ShowConstraints", "ShowProcedures",
            "ShowFunctions");
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
            ResultSummary plan = once(reads, config, tx -> tx.run("EXPLAIN " + query, values).consume());
            requireReadOnly(plan);
            return once(reads, config, tx -> collect(tx.run(query, values), maxRows));
        } catch (Neo4jException e) {
            throw translate(e, timeout);
        }
    }

    /**
     * Runs {@code work} in one explicit transaction, never again: a managed transaction would be retried on a transient
     * error, and an analyst's query that ran out of memory or time must not run a second time.
     */
    static <T> T once(Session session, TransactionConfig config, Function<? super Transaction, T> work) {
        try (Transaction tx = session.beginTransaction(config)) {
            T result = work.apply(tx);
            tx.rollback();
            return result;
        }
    }

    private static void requireReadOnly(ResultSummary plan) {
        QueryType type = plan.queryType();
        if (type != QueryType.READ_ONLY) {
            throw new CypherQueryException(CypherQueryException.Kind.WRITE, "Only read-only queries may run here; "
                    + "Neo4j plans this one as " + describe(type) + ". Analysts cannot change the graph.");
        }
        if (plan.hasPlan()) {
            String admin = adminOperator(plan.plan());
            if (admin != null) {
                throw new CypherQueryException(CypherQueryException.Kind.ADMIN, "Administration commands are not "
                        + "available to analysts (" + admin + "): they show or end other sessions' transactions and "
                        + "show the server's settings. SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS work.");
            }
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

    /** The first operator of a {@code SHOW ...} or {@code TERMINATE ...} command other than the catalogue ones. */
    private static String adminOperator(Plan plan) {
        String operator = plan.operatorType();
        int at = operator.indexOf('@');
        String name = at < 0 ? operator : operator.substring(0, at);
        if ((name.startsWith("Show") || name.startsWith("Terminate")) && !CATALOGUE_COMMANDS.contains(name)) {
            return name;
        }
        for (Plan child : plan.children()) {
            String found = adminOperator(child);
            if (found != null) {
                return found;
            }
        }
        return null;
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
        if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemoryError")
                || code.contains("TransactionOutOfMemoryError")) {
            return new CypherQueryException(CypherQueryException.Kind.MEMORY, "The query needed more memory than an "
                    + "analyst's transaction may use; aggregate less at once (fewer rows in collect(), ORDER BY, "
                    + "DISTINCT) or add a LIMIT", e);
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
        if (code.equals("Neo.DatabaseError.Statement.ExecutionFailed")) {
            // e.g. a string grown past Java's 2 GiB limit; Neo4j's message is then only a number
            return new CypherQueryException(CypherQueryException.Kind.FAILED, "Neo4j could not evaluate the query "
                    + "(a value may have grown too large): " + e.getMessage(), e);
        }
        if (code.startsWith("Neo.ClientError.Statement.") || code.startsWith("Neo.ClientError.Procedure.")
                || code.startsWith("Neo.ClientError.Schema.")) {
            return new CypherQueryException(CypherQueryException.Kind.FAILED, e.getMessage(), e);
        }
        return e;
    }
}
