package io.stylegraph.api.feedback;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
 * entries. For what other instances or batch jobs write, an entry older than {@code refresh-after} is reloaded in the
 * background on its next read (the read itself is answered from the entry, so an active shopper never waits for the
 * stores), and one older than {@code expire-after} is not served at all. A view read while the graph is unreachable
 * is served but not cached, so it is not kept once the graph is back; a background reload that fails keeps the entry.
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
    private final LoadingCache<String, Opinions> cache;

    public UserOpinions(FeedbackLog log, FeedbackProjection graph, GraphCircuit circuit,
                        @Value("${stylegraph.opinions.cache-size:100000}") long cacheSize,
                        @Value("${stylegraph.opinions.refresh-after:30s}") Duration refreshAfter,
                        @Value("${stylegraph.opinions.expire-after:10m}") Duration expireAfter) {
        this.log = log;
        this.graph = graph;
        this.circuit = circuit;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize)
                .refreshAfterWrite(refreshAfter)
                .expireAfterWrite(expireAfter.compareTo(refreshAfter) > 0 ? expireAfter : refreshAfter.multipliedBy(2))
                .build(new CacheLoader<>() {
                    @Override
                    public Opinions load(String userId) {
                        return UserOpinions.this.load(userId);
                    }

                    @Override
                    public Opinions reload(String userId, Opinions previous) {
                        try {
                            return UserOpinions.this.load(userId);
                        } catch (GraphHistoryMissing missing) {
                            return previous; // the graph is away: keep what it said last time
                        }
                    }
                });
    }

    public Opinions of(String userId) {
        try {
            return cache.get(userId);
        } catch (GraphHistoryMissing missing) {
            return missing.opinions;
        } catch (CompletionException e) {
            if (e.getCause() instanceof GraphHistoryMissing missing) {
                return missing.opinions;
            }
            throw e;
        }
    }

    /** Thrown by the loader so that a view without the graph's history is answered but not cached. */
    private static final class GraphHistoryMissing extends RuntimeException {
        private final transient Opinions opinions;

        GraphHistoryMissing(Opinions opinions) {
            super("graph history missing", null, false, false);
            this.opinions = opinions;
        }
    }

    private Opinions load(String userId) {
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
        if (history == null) {
            throw new GraphHistoryMissing(opinions);
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
