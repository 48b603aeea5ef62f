package io.stylegraph.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Training runs belong to the process that runs them: a start-up or heartbeat elsewhere leaves a live process's run
 * alone and fails only runs whose process stopped heartbeating.
 */
@MicronautTest(transactional = false)
class TrainingRunHeartbeatTest extends TrainingTestSupport {

    @Inject
    TrainingService training;

    @Inject
    TrainingRunRepository runs;

    @AfterEach
    void freeTheSlot() {
        runs.failUnfinished("cleared by TrainingRunHeartbeatTest");
    }

    @Test
    void shouldLeaveTheRunOfAnotherLiveProcessAlone() {
        long id = insertRun("running", "4242@trainer-pod/abcd1234", "now()");

        assertEquals(0, training.failStaleRuns());

        assertEquals("running", status(id));
        Problem busy = expectProblem(HttpRequest.POST("/v1/training/runs", "{}"));
        assertEquals(List.of(409, "training-already-running"), List.of(busy.status(), busy.code()));
        // a refused restart says how long a stopped process's run keeps blocking
        assertTrue(String.valueOf(busy.body().get("detail")).contains("stylegraph.training.stale-after"), busy.raw());
    }

    @Test
    void shouldFailARunWhoseProcessStoppedHeartbeating() {
        long id = insertRun("running", "4242@trainer-pod/abcd1234", "now() - interval '10 minutes'");

        assertEquals(1, training.failStaleRuns());

        assertEquals("failed", status(id));
        assertTrue(failureReason(id).startsWith("no heartbeat for 120 s"), failureReason(id));
    }

    @Test
    void shouldKeepItsOwnRunsAliveAndFailThemWhenItStops() {
        long id = insertRun("queued", training.owner(), "now() - interval '10 minutes'");

        training.heartbeat();
        assertEquals("queued", status(id), "a heartbeat renews this process's runs before stale ones are failed");

        training.stop();
        assertEquals("failed", status(id));
        assertEquals("the service stopped while this run was queued or running", failureReason(id));
    }

    private long insertRun(String status, String owner, String heartbeat) {
        return transactions.executeWrite(tx -> {
            try (PreparedStatement insert = tx.getConnection().prepareStatement(
                    "INSERT INTO training_run (kind, trigger, status, owner, heartbeat_at, started_at)"
                            + " VALUES ('recommender', 'cli', ?, ?, " + heartbeat + ", now()) RETURNING id")) {
                insert.setString(1, status);
                insert.setString(2, owner);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String status(long id) {
        return runs.findById(id).orElseThrow().status();
    }

    private String failureReason(long id) {
        return runs.findById(id).orElseThrow().failureReason();
    }
}
