package io.stylegraph.api.infra;

import java.time.Duration;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Keeps shopper requests fast while the graph is down: after a failed graph call, request paths skip optional graph
 * work (synchronous projection, imported history) for a cool-down instead of each waiting for driver timeouts. The
 * reconciler ignores the circuit and closes it when the graph answers again.
 */
@Singleton
public class GraphCircuit {
    private final long coolDownNanos;
    private volatile long openUntil;

    public GraphCircuit(@Value("${stylegraph.neo4j.circuit-cool-down:15s}") Duration coolDown) {
        this.coolDownNanos = coolDown.toNanos();
    }

    public boolean allowsCalls() {
        return System.nanoTime() - openUntil >= 0;
    }

    public void recordFailure() {
        openUntil = System.nanoTime() + coolDownNanos;
    }

    public void recordSuccess() {
        openUntil = System.nanoTime();
    }
}
