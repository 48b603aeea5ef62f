package io.stylegraph.api.feedback;

import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.repository.FeedbackProjection;
import io.stylegraph.graph.repository.FeedbackTarget;
import jakarta.inject.Singleton;

/**
 * Copies a user's current opinion of a target from the feedback log into the graph. It projects the newest logged
 * state rather than one event, so a retry or a replay after an outage converges on what the log says. A striped lock
 * keeps the request path and the reconciler from interleaving on the same user and target.
 */
@Singleton
public class FeedbackProjector {
    private static final int STRIPES = 64;
    private final Lock[] stripes = new Lock[STRIPES];
    private final FeedbackLog log;
    private final FeedbackProjection projection;
    private final UserOpinions opinions;

    public FeedbackProjector(FeedbackLog log, FeedbackProjection projection, UserOpinions opinions) {
        this.log = log;
        this.projection = projection;
        this.opinions = opinions;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Projects the newest logged state; throws when the graph cannot be reached (the event then stays pending). */
    public void project(String userId, String targetType, String targetId) {
        Lock lock = stripes[Math.floorMod((userId + '\u0000' + targetId).hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<StoredEvent> newest = log.latest(userId, targetType, targetId);
            if (newest.isEmpty()) {
                return;
            }
            StoredEvent event = newest.get();
            Signal signal = "undo".equals(event.signal()) ? null : Signal.parse(event.signal()).orElseThrow();
            FeedbackTarget target = "outfit".equals(targetType) ? FeedbackTarget.OUTFIT : FeedbackTarget.ITEM;
            boolean applied = projection.apply(userId, target, targetId, signal, event.id(), event.occurredAt());
            log.markProjected(userId, targetType, targetId, event.id(),
                    applied ? null : "target not in the graph or superseded; nothing to project");
            opinions.invalidate(userId);
        } finally {
            lock.unlock();
        }
    }
}
