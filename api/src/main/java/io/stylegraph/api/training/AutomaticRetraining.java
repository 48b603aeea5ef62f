package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.ReadOnly;
import io.stylegraph.api.problem.ProblemException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a recommender run by itself when enough feedback has arrived: at least {@code min-new-feedback} likes and
 * dislikes since the last run was started (or ever, before the first), and at least {@code min-interval} after that
 * start. A fresh catalogue so gets its first model without an operator, once the graph passes the training minimums
 * ({@link TrainingService#shortfall}), and through the promotion gate like any run. Replicas may all ask: the
 * database lets one run per kind be queued or running, and the others' 409 is expected. Off with
 * {@code stylegraph.training.auto.enabled: false}.
 */
@Singleton
@Requires(property = "stylegraph.training.auto.enabled", notEquals = "false")
public class AutomaticRetraining {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticRetraining.class);
    static final String TRIGGER = "auto";

    private final TrainingService training;
    private final JdbcOperations jdbc;
    private final long minNewFeedback;
    private final Duration minInterval;
    private final Clock clock;

    public AutomaticRetraining(TrainingService training, JdbcOperations jdbc,
                               @Value("${stylegraph.training.auto.min-new-feedback:50}") long minNewFeedback,
                               @Value("${stylegraph.training.auto.min-interval:15m}") Duration minInterval) {
        this(training, jdbc, minNewFeedback, minInterval, Clock.systemUTC());
    }

    AutomaticRetraining(TrainingService training, JdbcOperations jdbc, long minNewFeedback, Duration minInterval,
                        Clock clock) {
        if (minNewFeedback < 1) {
            throw new IllegalArgumentException("stylegraph.training.auto.min-new-feedback must be at least 1");
        }
        this.training = training;
        this.jdbc = jdbc;
        this.minNewFeedback = minNewFeedback;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    /** What the trigger sees now: the last run's start and the feedback since. */
    public record Readiness(Instant lastRunAt, long newFeedback, boolean runUnfinished) {
    }

    @ReadOnly
    public Readiness readiness() {
        Instant lastRun = jdbc.prepareStatement(
                "SELECT max(created_at) FROM training_run WHERE kind = ?", statement -> {
                    statement.setString(1, ServedModelHolder.KIND);
                    ResultSet rows = statement.executeQuery();
                    Timestamp at = rows.next() ? rows.getTimestamp(1) : null;
                    return at == null ? null : at.toInstant();
                });
        boolean unfinished = jdbc.prepareStatement(
                "SELECT count(*) FROM training_run WHERE kind = ? AND status IN ('queued', 'running')", statement -> {
                    statement.setString(1, ServedModelHolder.KIND);
                    ResultSet rows = statement.executeQuery();
                    return rows.next() && rows.getLong(1) > 0;
                });
        long feedback = jdbc.prepareStatement("""
                SELECT count(*) FROM feedback_event
                WHERE signal IN ('like', 'dislike') AND (CAST(? AS TIMESTAMPTZ) IS NULL OR received_at > ?)
                """, statement -> {
            Timestamp since = lastRun == null ? null : Timestamp.from(lastRun);
            statement.setTimestamp(1, since);
            statement.setTimestamp(2, since);
            ResultSet rows = statement.executeQuery();
            return rows.next() ? rows.getLong(1) : 0L;
        });
        return new Readiness(lastRun, feedback, unfinished);
    }

    /** Starts a run when the feedback and the interval allow; returns it, or empty when none was started. */
    public Optional<TrainingRun> check() {
        Readiness now = readiness();
        if (now.runUnfinished() || now.newFeedback() < minNewFeedback) {
            return Optional.empty();
        }
        if (now.lastRunAt() != null && now.lastRunAt().plus(minInterval).isAfter(clock.instant())) {
            return Optional.empty();
        }
        Optional<String> shortfall = training.shortfall();
        if (shortfall.isPresent()) {
            LOG.debug("Automatic retraining waits: {}", shortfall.get());
            return Optional.empty();
        }
        try {
            TrainingRun run = training.start(TRIGGER);
            LOG.info("Automatic training run {} queued: {} likes and dislikes since {}", run.id(), now.newFeedback(),
                    now.lastRunAt() == null ? "the start" : now.lastRunAt());
            return Optional.of(run);
        } catch (ProblemException e) {
            LOG.debug("Automatic retraining not started: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Scheduled(fixedDelay = "${stylegraph.training.auto.check-interval:1m}",
            initialDelay = "${stylegraph.training.auto.check-interval:1m}")
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Automatic retraining check failed: {}", e.getMessage());
        }
    }
}
