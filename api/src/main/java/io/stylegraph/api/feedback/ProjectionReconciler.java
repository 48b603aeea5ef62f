package io.stylegraph.api.feedback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.infra.GraphCircuit;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: feedback accepted while the graph was unavailable (or whose projection failed) is projected as
 * soon as the graph answers again. Runs on a fixed delay; one round stops at the first graph failure.
 */
@Singleton
public class ProjectionReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReconciler.class);

    private final FeedbackLog log;
    private final FeedbackProjector projector;
    private final GraphCircuit circuit;
    private final int batchSize;
    private volatile boolean graphWasDown;

    public ProjectionReconciler(FeedbackLog log, FeedbackProjector projector, GraphCircuit circuit,
                                @Value("${stylegraph.projection.batch-size:500}") int batchSize) {
        this.log = log;
        this.projector = projector;
        this.circuit = circuit;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${stylegraph.projection.interval:5s}", initialDelay = "${stylegraph.projection.interval:5s}")
    void scheduledRound() {
        reconcile();
    }

    /** Projects pending events; returns how many user/target pairs were brought up to date. */
    public synchronized int reconcile() {
        int projected = 0;
        while (true) {
            List<StoredEvent> pending = log.unprojected(batchSize);
            if (pending.isEmpty()) {
                break;
            }
            Set<List<String>> keys = new LinkedHashSet<>();
            for (StoredEvent event : pending) {
                keys.add(List.of(event.userId(), event.targetType(), event.targetId()));
            }
            for (List<String> key : keys) {
                try {
                    projector.project(key.get(0), key.get(1), key.get(2));
                    circuit.recordSuccess();
                    projected++;
                } catch (RuntimeException e) {
                    if (!graphWasDown) {
                        LOG.warn("Graph unavailable; {} feedback events wait in PostgreSQL for projection ({})",
                                log.countUnprojected(), e.getMessage());
                    }
                    graphWasDown = true;
                    circuit.recordFailure();
                    pending.stream().filter(ev -> ev.userId().equals(key.get(0)) && ev.targetId().equals(key.get(2)))
                            .findFirst().ifPresent(ev -> log.recordProjectionFailure(ev.id(), e.getMessage()));
                    return projected;
                }
            }
            if (pending.size() < batchSize) {
                break;
            }
        }
        if (graphWasDown && projected > 0) {
            LOG.info("Graph back; projected {} pending user/target opinions", projected);
        }
        graphWasDown = false;
        return projected;
    }
}
