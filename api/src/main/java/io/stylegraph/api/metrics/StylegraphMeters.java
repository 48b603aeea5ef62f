package io.stylegraph.api.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.stylegraph.api.recommendations.ServedModel;
import io.stylegraph.api.recommendations.ServedModelHolder;
import jakarta.inject.Singleton;

/**
 * The service's own gauges at {@code /prometheus}: the model version this replica serves, the registry's active
 * version and the evaluation figures of the active and newest versions, the last training run, the feedback
 * projection backlog and the try-on queue. Request rates and latencies per route come from Micronaut's
 * {@code http_server_requests}; training run durations from {@link TrainingRunTimer}.
 *
 * <p>Registered at start-up rather than as a {@code MeterBinder}: binders are created with the meter registry, and
 * these gauges need the data source, whose pool metrics need the registry (a cycle that kept opening pools).
 */
@Singleton
@Requires(bean = MeterRegistry.class)
public class StylegraphMeters {
    private static final String KIND = ServedModelHolder.KIND;
    private static final List<String> SPLITS = List.of("valid", "test");
    private static final List<String> METRICS = List.of("recall@20", "ndcg@20");

    private final MeterRegistry registry;
    private final ServedModelHolder served;
    private final DatabaseReadings readings;

    public StylegraphMeters(MeterRegistry registry, ServedModelHolder served, DatabaseReadings readings) {
        this.registry = registry;
        this.served = served;
        this.readings = readings;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        gauge("stylegraph.model.served.version", null,
                "Model version this replica serves from memory (NaN: none)", served,
                holder -> holder.current().map(ServedModel::version).map(Long::doubleValue).orElse(Double.NaN))
                .tag("kind", KIND).register(registry);
        gauge("stylegraph.model.active.version", null,
                "Model version the registry marks active; differs from the served one until this replica loads it",
                readings, DatabaseReadings::activeVersion).tag("kind", KIND).register(registry);
        for (String split : SPLITS) {
            for (String metric : METRICS) {
                gauge("stylegraph.model.active.metric", null,
                        "Evaluation of the active model version", readings, r -> r.activeMetric(split, metric))
                        .tags("kind", KIND, "split", split, "metric", metric).register(registry);
                gauge("stylegraph.model.latest.metric", null,
                        "Evaluation of the newest registered model version (the last training run's candidate,"
                                + " promoted or rejected)", readings, r -> r.latestMetric(split, metric))
                        .tags("kind", KIND, "split", split, "metric", metric).register(registry);
            }
        }
        gauge("stylegraph.training.last.run.duration", "seconds",
                "Duration of the newest finished training run, whichever process ran it", readings,
                DatabaseReadings::lastRunDurationSeconds).register(registry);
        gauge("stylegraph.training.last.run.finished.timestamp", "seconds",
                "When the newest finished training run ended (Unix time)", readings,
                DatabaseReadings::lastRunFinishedEpochSeconds).register(registry);
        gauge("stylegraph.training.last.run.succeeded", null,
                "1 when the newest finished training run is done (promoted or rejected), 0 when it failed", readings,
                DatabaseReadings::lastRunSucceeded).register(registry);
        gauge("stylegraph.feedback.unprojected", "events",
                "Accepted feedback events not yet projected into the graph", readings,
                DatabaseReadings::unprojectedFeedbackEvents).register(registry);
        gauge("stylegraph.feedback.projection.lag", "seconds",
                "Age of the oldest feedback event not yet projected into the graph (0 when none waits)", readings,
                DatabaseReadings::projectionLagSeconds).register(registry);
        gauge("stylegraph.tryon.jobs", null, "Try-on jobs waiting for a worker (queued) or rendering (running)",
                readings, DatabaseReadings::queuedTryOnJobs).tag("status", "queued").register(registry);
        gauge("stylegraph.tryon.jobs", null, "Try-on jobs waiting for a worker (queued) or rendering (running)",
                readings, DatabaseReadings::runningTryOnJobs).tag("status", "running").register(registry);
    }

    private static <T> Gauge.Builder<T> gauge(String name, String baseUnit, String description,
                                              T source, ToDoubleFunction<T> value) {
        return Gauge.builder(name, source, value).baseUnit(baseUnit).description(description).strongReference(true);
    }
}
