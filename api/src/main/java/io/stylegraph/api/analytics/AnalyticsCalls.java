package io.stylegraph.api.analytics;

import java.util.function.Supplier;

import io.micronaut.http.HttpStatus;
import io.stylegraph.api.infra.GraphCircuit;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.analytics.CypherQueryException;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Runs an analytics query and answers its failures as problems: a refused or failed query with the code the analyst
 * can act on, an unreachable graph with 503 {@code graph-unavailable} (at once while the graph circuit is open).
 */
@Singleton
public class AnalyticsCalls {
    private final GraphCircuit circuit;

    public AnalyticsCalls(GraphCircuit circuit) {
        this.circuit = circuit;
    }

    public <T> T run(Supplier<T> query) {
        if (!circuit.allowsCalls()) {
            throw graphUnavailable();
        }
        try {
            return query.get();
        } catch (CypherQueryException e) {
            throw problem(e);
        } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
            circuit.recordFailure();
            throw graphUnavailable();
        }
    }

    static ProblemException problem(CypherQueryException e) {
        return switch (e.kind()) {
            case WRITE -> new ProblemException(HttpStatus.FORBIDDEN, "cypher-write-rejected", "query", e.getMessage());
            case ADMIN -> new ProblemException(HttpStatus.FORBIDDEN, "cypher-admin-rejected", "query", e.getMessage());
            case MEMORY -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "cypher-memory-limit", "query",
                    e.getMessage());
            case FORBIDDEN -> new ProblemException(HttpStatus.FORBIDDEN, "cypher-forbidden", "query", e.getMessage());
            case SYNTAX -> ProblemException.badRequest("cypher-syntax", "query", e.getMessage());
            case PARAMETER -> ProblemException.badRequest("cypher-parameter", "params", e.getMessage());
            case FAILED -> ProblemException.badRequest("cypher-failed", "query", e.getMessage());
            case TIMEOUT -> new ProblemException(HttpStatus.REQUEST_TIMEOUT, "cypher-timeout", null, e.getMessage());
        };
    }

    private static ProblemException graphUnavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "graph-unavailable", null,
                "The style graph is not reachable right now; try again shortly");
    }
}
