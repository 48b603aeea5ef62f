package io.stylegraph.api.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.feedback.FeedbackLog;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.api.training.TrainingRun;
import io.stylegraph.api.training.TrainingRunRepository;
import io.stylegraph.api.tryon.TryOnStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of the gauges that live in PostgreSQL, read every {@code stylegraph.metrics.refresh-interval} (and after
 * each training run of this process) so that a scrape never waits for the database. Every replica reads the same rows,
 * so these gauges agree across replicas: aggregate them with max(), not sum(). A figure that is unknown (never read,
 * its last read failed, nothing trained yet) is NaN.
 */
@Singleton
public class DatabaseReadings {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadings.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIND = ServedModelHolder.KIND;

    private final FeedbackLog feedback;
    private final TryOnStore tryOn;
    private final TrainingRunRepository runs;
    private final ModelRegistry registry;

    private volatile FeedbackLog.ProjectionBacklog backlog;
    private volatile TryOnStore.QueueDepth tryOnQueue;
    private volatile LastRun lastRun = LastRun.UNKNOWN;
    private volatile ModelFigures active = ModelFigures.UNKNOWN;
    private volatile ModelFigures latest = ModelFigures.UNKNOWN;

    public DatabaseReadings(FeedbackLog feedback, TryOnStore tryOn, TrainingRunRepository runs, ModelRegistry registry) {
        this.feedback = feedback;
        this.tryOn = tryOn;
        this.runs = runs;
        this.registry = registry;
    }

    /** The newest finished run: how long it took, when it ended, whether it succeeded (1) or failed (0). */
    private record LastRun(double durationSeconds, double finishedEpochSeconds, double succeeded) {
        static final LastRun UNKNOWN = new LastRun(Double.NaN, Double.NaN, Double.NaN);

        static LastRun of(TrainingRun run) {
            double duration = run.startedAt() == null || run.finishedAt() == null ? Double.NaN
                    : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
            double finished = run.finishedAt() == null ? Double.NaN : run.finishedAt().toEpochMilli() / 1000.0;
            return new LastRun(duration, finished, "done".equals(run.status()) ? 1 : 0);
        }
    }

    /** A registered model version's id and its evaluation figures keyed {@code split/metric}, e.g. {@code valid/recall@20}. */
    private record ModelFigures(double version, Map<String, Double> metrics) {
        static final ModelFigures UNKNOWN = new ModelFigures(Double.NaN, Map.of());

        static ModelFigures of(ModelVersion version) {
            Map<String, Double> metrics = new HashMap<>();
            try {
                JsonNode document = JSON.readTree(version.metrics());
                Map.of("validation", "valid", "test", "test").forEach((stored, split) ->
                        document.path(stored).properties().forEach(metric -> {
                            if (metric.getValue().isNumber()) {
                                metrics.put(split + "/" + metric.getKey().toLowerCase(), metric.getValue().asDouble());
                            }
                        }));
            } catch (java.io.IOException e) {
                LOG.debug("Metrics of model version {} are not JSON: {}", version.id(), e.getMessage());
            }
            return new ModelFigures(version.id(), metrics);
        }

        double metric(String split, String metric) {
            return metrics.getOrDefault(split + "/" + metric, Double.NaN);
        }
    }

    @Scheduled(fixedDelay = "${stylegraph.metrics.refresh-interval:15s}")
    public void refresh() {
        backlog = read("feedback backlog", feedback::projectionBacklog, null);
        tryOnQueue = read("try-on queue", tryOn::queueDepth, null);
        lastRun = read("last training run", () -> runs.lastFinished().map(LastRun::of).orElse(LastRun.UNKNOWN),
                LastRun.UNKNOWN);
        active = read("active model", () -> registry.active(KIND).map(ModelFigures::of).orElse(ModelFigures.UNKNOWN),
                ModelFigures.UNKNOWN);
        latest = read("latest model", () -> registry.recent(KIND, 1).stream().findFirst().map(ModelFigures::of)
                .orElse(ModelFigures.UNKNOWN), ModelFigures.UNKNOWN);
    }

    private static <T> T read(String what, Supplier<T> query, T unknown) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            LOG.debug("Metrics: {} not read: {}", what, e.getMessage());
            return unknown;
        }
    }

    public double unprojectedFeedbackEvents() {
        FeedbackLog.ProjectionBacklog current = backlog;
        return current == null ? Double.NaN : current.events();
    }

    /** Age of the oldest feedback event not yet projected into the graph; 0 when none waits. */
    public double projectionLagSeconds() {
        FeedbackLog.ProjectionBacklog current = backlog;
        if (current == null) {
            return Double.NaN;
        }
        if (current.oldestReceivedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(current.oldestReceivedAt(), Instant.now()).toMillis() / 1000.0);
    }

    public double queuedTryOnJobs() {
        TryOnStore.QueueDepth current = tryOnQueue;
        return current == null ? Double.NaN : current.queued();
    }

    public double runningTryOnJobs() {
        TryOnStore.QueueDepth current = tryOnQueue;
        return current == null ? Double.NaN : current.running();
    }

    public double lastRunDurationSeconds() {
        return lastRun.durationSeconds();
    }

    public double lastRunFinishedEpochSeconds() {
        return lastRun.finishedEpochSeconds();
    }

    public double lastRunSucceeded() {
        return lastRun.succeeded();
    }

    public double activeVersion() {
        return active.version();
    }

    /** An evaluation figure of the active version: split {@code valid} or {@code test}, metric e.g. {@code recall@20}. */
    public double activeMetric(String split, String metric) {
        return active.metric(split, metric);
    }

    /** The same figure of the newest registered version (the last run's candidate, promoted or rejected). */
    public double latestMetric(String split, String metric) {
        return latest.metric(split, metric);
    }
}
