package io.stylegraph.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.stylegraph.api.training.TrainingRunFinished;
import jakarta.inject.Singleton;

/**
 * Times the training runs of this process ({@code stylegraph_training_runs_seconds}, by trigger and result). Runs of the
 * {@code train} command end with their process; the {@code stylegraph_training_last_run_*} gauges show those.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
public class TrainingRunTimer {
    private final MeterRegistry registry;
    private final DatabaseReadings readings;

    public TrainingRunTimer(MeterRegistry registry, DatabaseReadings readings) {
        this.registry = registry;
        this.readings = readings;
    }

    @EventListener
    void onFinished(TrainingRunFinished finished) {
        Timer.builder("stylegraph.training.runs")
                .description("Training runs of this process: snapshot, training, evaluation, registration, promotion")
                .tag("trigger", finished.run().trigger())
                .tag("result", finished.result())
                .register(registry)
                .record(finished.duration());
        readings.refresh();
    }
}
