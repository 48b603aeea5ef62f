package io.stylegraph.api.training;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.problem.ProblemException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retrains on the schedule in {@code stylegraph.training.cron} (e.g. {@code 0 30 2 * * *}); off when it is unset. */
@Singleton
@Requires(property = "stylegraph.training.cron")
public class NightlyRetraining {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyRetraining.class);

    private final TrainingService training;

    public NightlyRetraining(TrainingService training) {
        this.training = training;
    }

    @Scheduled(cron = "${stylegraph.training.cron}")
    void retrain() {
        try {
            TrainingRun run = training.start("schedule");
            LOG.info("Scheduled training run {} queued", run.id());
        } catch (ProblemException e) {
            LOG.info("Scheduled training skipped: {}", e.getMessage());
        }
    }
}
