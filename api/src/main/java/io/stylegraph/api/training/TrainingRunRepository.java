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

    /** Runs a previous process left queued or running when it stopped: they will never finish. */
    @Query("UPDATE training_run SET status = 'failed', finished_at = now(), failure_reason = :reason"
            + " WHERE status IN ('queued', 'running')")
    void failUnfinished(String reason);
}
