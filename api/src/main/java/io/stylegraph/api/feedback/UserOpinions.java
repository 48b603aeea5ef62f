package io.stylegraph.api.feedback;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.stylegraph.api.infra.GraphCircuit;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.repository.FeedbackProjection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's current item opinions, as the serving paths need them on every request: the graph's history (imported
 * interactions and projected feedback) overlaid with the feedback log (the system of record, newest first, which may
 * hold events the graph has not caught up with).
 * <p>
 * Reading both stores cost about half the CPU of a recommendation request (profiled under wrk), so the merged view is
 * cached per user. Feedback accepted or projected by this process drops the user's entry at once, an import drops all
 * entries; the time-to-live bounds how stale an entry can be when another instance or a batch job wrote the stores.
 * A view read while the graph is unreachable is served but not cached, so it is not kept once the graph is back.
 */
@Singleton
public class UserOpinions {
    private static final Logger LOG = LoggerFactory.getLogger(UserOpinions.class);

    /**
     * @param rated  every item the user currently likes or dislikes (graph history overlaid with the log)
     * @param logged the log's current item opinions alone, newest first: what a model trained on the graph may not
     *               have seen
     */
    public record Opinions(Map<String, Signal> rated, Map<String, Signal> logged) {
        public Opinions {
            rated = Map.copyOf(rated);
            logged = Collections.unmodifiableMap(new LinkedHashMap<>(logged));
        }
    }

    private final FeedbackLog log;
    private final FeedbackProjection graph;
    private final GraphCircuit circuit;
    private final Cache<String, Opinions> cache;

    public UserOpinions(FeedbackLog log, FeedbackProjection graph, GraphCircuit circuit,
                        @Value("${stylegraph.opinions.cache-size:100000}") long cacheSize,
                        @Value("${stylegraph.opinions.cache-ttl:60s}") Duration timeToLive) {
        this.log = log;
        this.graph = graph;
        this.circuit = circuit;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(timeToLive).build();
    }

    public Opinions of(String userId) {
        Opinions cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        Map<String, Signal> history = graphOpinions(userId);
        Map<String, Signal> logged = new LinkedHashMap<>();
        log.currentOpinions(userId, Integer.MAX_VALUE, 0).forEach(event -> {
            if ("item".equals(event.targetType())) {
                logged.put(event.targetId(), "like".equals(event.signal()) ? Signal.LIKE : Signal.DISLIKE);
            }
        });
        Map<String, Signal> rated = new HashMap<>(history == null ? Map.of() : history);
        rated.putAll(logged);
        Opinions opinions = new Opinions(rated, logged);
        if (history != null) {
            cache.put(userId, opinions);
        }
        return opinions;
    }

    /** Drops the user's entry; called after the user's feedback is logged and after it is projected. */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }

    /** Drops every entry (an import wrote interactions for many users). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** The graph's opinions, or null when the graph could not be asked. */
    private Map<String, Signal> graphOpinions(String userId) {
        if (!circuit.allowsCalls()) {
            return null;
        }
        try {
            Map<String, Signal> opinions = graph.itemOpinions(userId);
            circuit.recordSuccess();
            return opinions;
        } catch (RuntimeException e) {
            circuit.recordFailure();
            LOG.debug("Opinions of {} without graph history: {}", userId, e.getMessage());
            return null;
        }
    }
}
