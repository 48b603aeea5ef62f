package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.stylegraph.api.ApiTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Queue behaviour with the worker held back at start-up (as on an API replica that leaves jobs to others): cancel,
 * resume after a restart, retention. The worker is started by the test that needs it, in order.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TryOnLifecycleTest extends ApiTestSupport {
    private static final Path IMAGES = TryOnFixtures.temporaryFolder("tryon-lifecycle");

    @Inject
    TryOnWorker worker;

    @Inject
    TryOnRetention retention;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<java.sql.Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.tryon.worker-enabled", "false");
        properties.put("stylegraph.tryon.poll-interval", "100ms");
        return properties;
    }

    @BeforeAll
    void catalogue() {
        TryOnFixtures.catalogue(graph, IMAGES);
        catalogue.reload();
    }

    private String submit(String userId) {
        HttpResponse<String> response = client.toBlocking().exchange(TryOnFixtures.submit(
                TryOnFixtures.png(TryOnFixtures.person(120, 180)), "tee", null, null, userId), String.class);
        return (String) readMap(response.body()).get("jobId");
    }

    private String status(String jobId) {
        return (String) getJson("/v1/tryon/" + jobId).get("status");
    }

    private long images(String jobId) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM tryon_image WHERE job_id = ?", statement -> {
                    statement.setString(1, jobId);
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    @Test
    @Order(1)
    void shouldCancelAQueuedJobAndDropItsPhoto() {
        String jobId = submit("canceller");
        assertEquals("queued", status(jobId));
        Problem notYet = expectProblem(HttpRequest.GET("/v1/tryon/" + jobId + "/image"));
        assertEquals(409, notYet.status());
        assertEquals("tryon-not-done", notYet.code());
        assertEquals(1, images(jobId));

        Map<String, Object> cancelled = readMap(client.toBlocking().retrieve(HttpRequest.DELETE("/v1/tryon/" + jobId)));

        assertEquals("cancelled", cancelled.get("status"));
        assertEquals(0, images(jobId), "the person photo is deleted with the cancel");
        // cancelling again is harmless; the job stays cancelled
        assertEquals("cancelled", readMap(client.toBlocking().retrieve(HttpRequest.DELETE("/v1/tryon/" + jobId)))
                .get("status"));
    }

    @Test
    @Order(2)
    void shouldResumeAJobWhoseWorkerStoppedMidRun() throws InterruptedException {
        String cancelled = submit("restarter");
        client.toBlocking().retrieve(HttpRequest.DELETE("/v1/tryon/" + cancelled));
        String orphan = submit("restarter");
        // as a process that died mid-render leaves it: running, a lease that has run out, one attempt counted
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE tryon_job SET status = 'running',"
                + " lease_owner = 'stopped-process', lease_until = now() - interval '1 minute', attempts = 1,"
                + " started_at = now() - interval '2 minutes' WHERE id = ?", statement -> {
                    statement.setString(1, orphan);
                    return statement.executeUpdate();
                }));
        assertEquals("running", status(orphan));

        worker.start();

        for (int i = 0; i < 100 && !"done".equals(status(orphan)); i++) {
            Thread.sleep(100);
        }
        Map<String, Object> job = getJson("/v1/tryon/" + orphan);
        assertEquals("done", job.get("status"), job.toString());
        assertEquals(2, job.get("attempts"), "the interrupted attempt counts");
        assertEquals("cancelled", status(cancelled), "a cancelled job is not resumed");
        byte[] picture = client.toBlocking().retrieve(HttpRequest.GET("/v1/tryon/" + orphan + "/image"), byte[].class);
        assertEquals(120, TryOnFixtures.decode(picture).getWidth());
    }

    @Test
    @Order(3)
    void shouldRefuseToCancelAFinishedJob() throws InterruptedException {
        String jobId = submit(null);
        for (int i = 0; i < 100 && !"done".equals(status(jobId)); i++) {
            Thread.sleep(100);
        }
        Problem problem = expectProblem(HttpRequest.DELETE("/v1/tryon/" + jobId));
        assertEquals(409, problem.status());
        assertEquals("tryon-finished", problem.code());
    }

    @Test
    @Order(4)
    void shouldDeletePhotosAndResultsPastRetention() throws InterruptedException {
        String jobId = submit("retained");
        for (int i = 0; i < 100 && !"done".equals(status(jobId)); i++) {
            Thread.sleep(100);
        }
        assertEquals(2, images(jobId), "person photo and result stored");

        retention.purgeOlderThan(Duration.ofHours(24));
        assertEquals(2, images(jobId), "a fresh job is kept under a day's retention");
        Thread.sleep(50);
        int deleted = retention.purgeOlderThan(Duration.ofMillis(10));

        assertTrue(deleted >= 1);
        assertEquals(0, images(jobId));
        Problem problem = expectProblem(HttpRequest.GET("/v1/tryon/" + jobId));
        assertEquals(404, problem.status());
        List<Long> left = transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT count(*) FROM tryon_job WHERE created_at < now() - interval '10 milliseconds'", statement -> {
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        return List.of(rs.getLong(1));
                    }
                }));
        assertFalse(left.get(0) > 0, "nothing older than the retention is left");
    }
}
