package io.stylegraph.graph.analytics;

/** An analyst's query that was refused or failed for a reason the analyst can act on. */
public final class CypherQueryException extends RuntimeException {
    public enum Kind {
        /** The query would change the graph, its schema or the DBMS (its plan is not read-only). */
        WRITE,
        /** An administration command that shows or affects other sessions or the server (SHOW TRANSACTIONS, ...). */
        ADMIN,
        /** It needed more memory than a transaction may hold. */
        MEMORY,
        /** The query does something analysts may not do even read-only, e.g. LOAD CSV. */
        FORBIDDEN,
        /** Neo4j could not parse or plan it. */
        SYNTAX,
        /** A parameter it uses was not given, or a given one has a value Cypher cannot take. */
        PARAMETER,
        /** It did not finish within the time limit. */
        TIMEOUT,
        /** It failed while running (division by zero, a type error, a procedure error, ...). */
        FAILED
    }

    private final Kind kind;

    public CypherQueryException(Kind kind, String message) {
        this(kind, message, null);
    }

    public CypherQueryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
