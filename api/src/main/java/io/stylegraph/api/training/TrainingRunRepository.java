package io.stylegraph.api.training;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TrainingRunRepository extends CrudRepository<TrainingRun, Long> {

    @Query("SELECT * FROM training_run ORDER BY id DESC LIMIT 50")
    List<TrainingRun> recent();

    /** The newest run that ended, done or failed, whichever process ran it. */
    @Query("SELECT * FROM training_run WHERE status IN ('done', 'failed') ORDER BY id DESC LIMIT 1")
    Optional<TrainingRun> lastFinished();

    @Query("SELECT count(*) FROM training_run WHERE kind = :kind AND status IN ('queued', 'running')")
    long countUnfinished(String kind);

    /** Fails every queued or running run, whoever runs it (tests that need the one-run slot free). */
    @Query("UPDATE training_run SET status = 'failed', finished_at = now(), failure_reason = :reason"
            + " WHERE status IN ('queued', 'running')")
    void failUnfinished(String reason);

    /** Marks a run as this process's; its heartbeats keep it alive from now on. */
    @Query("UPDATE training_run SET owner = :owner, heartbeat_at = now() WHERE id = :id")
    void claim(long id, String owner);

    /** This process's unfinished runs are still being worked on. */
    @Query("UPDATE training_run SET heartbeat_at = now() WHERE owner = :owner AND status IN ('queued', 'running')")
    void beat(String owner);

    /** A process that stops cleanly fails the runs it will not finish. */
    @Query("UPDATE training_run SET status = 'failed', finished_at = now(), failure_reason = :reason"
            + " WHERE owner = :owner AND status IN ('queued', 'running')")
    void failOwnedBy(String owner, String reason);

    /** Unfinished runs nobody has heartbeated for {@code staleSeconds}: their process died. Returns how many. */
    @Query("UPDATE training_run SET status = 'failed', finished_at = now(), failure_reason = :reason"
            + " WHERE status IN ('queued', 'running') AND heartbeat_at < now() - :staleSeconds * interval '1 second'")
    long failStale(long staleSeconds, String reason);
}
