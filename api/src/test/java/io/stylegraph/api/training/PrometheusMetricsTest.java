package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.PrometheusScrape;
import io.stylegraph.api.feedback.FeedbackLog;
import io.stylegraph.api.feedback.ProjectionReconciler;
import io.stylegraph.api.metrics.DatabaseReadings;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a Prometheus server scraping {@code /prometheus} sees after requests, training runs and feedback. */
@MicronautTest(transactional = false)
class PrometheusMetricsTest extends TrainingTestSupport {
    private static final Map<String, String> RECOMMENDER = Map.of("kind", "recommender");

    @Inject
    ServedModelHolder served;

    @Inject
    ModelRegistry registry;

    @Inject
    DatabaseReadings readings;

    @Inject
    FeedbackLog feedback;

    @Inject
    ProjectionReconciler reconciler;

    @Inject
    TrainingRunRepository runs;

    @Inject
    JdbcOperations jdbc;

    @BeforeAll
    void tasteGroups() {
        resetCatalogue(8);
        likeInTwoTasteGroups();
        giveItemsSlotTextVectors();
        catalogue.reload();
    }

    /** The registry is shared by the test classes: TrainingApiTest expects to start with no active recommender. */
    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }

    private PrometheusScrape scrape() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/plain"),
                response.getContentType().toString());
        return new PrometheusScrape(response.body());
    }

    @Test
    void shouldCountRequestsPerRouteTemplateWithLatencyBuckets() {
        getJson("/v1/items/top-1");
        getJson("/v1/items/top-2");
        getJson("/v1/items/shoes-3");

        PrometheusScrape scrape = scrape();

        Map<String, String> itemRoute = Map.of("method", "GET", "status", "200", "uri", "/v1/items/{itemId}");
        assertTrue(scrape.sum("http_server_requests_seconds_count", itemRoute) >= 3, scrape.find(
                "http_server_requests_seconds_count", Map.of()).toString());
        assertTrue(scrape.sum("http_server_requests_seconds_sum", itemRoute) > 0);
        assertTrue(scrape.all().stream().noneMatch(s -> s.labels().getOrDefault("uri", "").contains("top-1")),
                "raw paths never become uri labels");
        double fast = scrape.sum("http_server_requests_seconds_bucket", withLe(itemRoute, "0.005"));
        double all = scrape.sum("http_server_requests_seconds_bucket", withLe(itemRoute, "+Inf"));
        assertTrue(all >= 3 && fast <= all, fast + " <= " + all);
        assertFalse(scrape.find("http_server_requests_seconds_bucket", withLe(itemRoute, "0.25")).isEmpty(),
                "the configured latency buckets");
    }

    private static Map<String, String> withLe(Map<String, String> labels, String le) {
        Map<String, String> with = new java.util.HashMap<>(labels);
        with.put("le", le);
        return with;
    }

    @Test
    void shouldReportTrainingRunsAndTheModelServed() throws InterruptedException {
        Map<String, Object> run = trainAndWait();
        assertEquals("done", run.get("status"), run.toString());
        long version = ((Number) run.get("modelVersionId")).longValue();
        ModelVersion registered = registry.find(version).orElseThrow();
        TrainingRun stored = runs.findById(((Number) run.get("id")).longValue()).orElseThrow();
        String result = ModelVersion.ACTIVE.equals(registered.status()) ? "promoted" : "rejected";

        PrometheusScrape scrape = scrapeWhen(s -> !s.find("stylegraph_training_runs_seconds_count",
                Map.of("trigger", "api", "result", result)).isEmpty());

        assertTrue(scrape.value("stylegraph_training_runs_seconds_count", Map.of("trigger", "api", "result", result)) >= 1);
        assertTrue(scrape.value("stylegraph_training_runs_seconds_max", Map.of("trigger", "api", "result", result)) > 0);
        ModelVersion active = registry.active(ServedModelHolder.KIND).orElseThrow();
        assertEquals((double) active.id(), scrape.value("stylegraph_model_served_version", RECOMMENDER));
        assertEquals((double) active.id(), scrape.value("stylegraph_model_active_version", RECOMMENDER));
        double seconds = Duration.between(stored.startedAt(), stored.finishedAt()).toMillis() / 1000.0;
        assertEquals(seconds, scrape.value("stylegraph_training_last_run_duration_seconds", Map.of()), 0.01);
        assertEquals(stored.finishedAt().toEpochMilli() / 1000.0,
                scrape.value("stylegraph_training_last_run_finished_timestamp_seconds", Map.of()), 0.01);
        assertEquals(1.0, scrape.value("stylegraph_training_last_run_succeeded", Map.of()));
        assertEquals(registered.validRecall20(), scrape.value("stylegraph_model_latest_metric",
                Map.of("split", "valid", "metric", "recall@20")), 1e-9);
        assertEquals(registered.testRecall20(), scrape.value("stylegraph_model_latest_metric",
                Map.of("split", "test", "metric", "recall@20")), 1e-9);
        assertEquals(active.validRecall20(), scrape.value("stylegraph_model_active_metric",
                Map.of("split", "valid", "metric", "recall@20")), 1e-9);
        double ndcg = scrape.value("stylegraph_model_active_metric", Map.of("split", "test", "metric", "ndcg@20"));
        assertTrue(ndcg > 0 && ndcg <= 1, "test NDCG@20 " + ndcg);
    }

    /** A second process promoting a version (the trainer CronJob, another replica) reaches this replica by polling. */
    @Test
    void shouldServeAVersionAnotherProcessPromoted() throws InterruptedException {
        assertEquals("done", trainAndWait().get("status"));
        ModelVersion current = registry.active(ServedModelHolder.KIND).orElseThrow();
        // what the other process registered: a version of the same artifact, promoted with its own transaction
        ModelVersion elsewhere = registry.register(ModelVersion.candidate(ServedModelHolder.KIND, current.artifactPath(),
                current.parameters(), current.dataSnapshot(), current.metrics(), current.validRecall20(),
                current.testRecall20(), current.seed(), "elsewhere"));
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE model_version SET status = CASE WHEN id = ? THEN 'active' ELSE 'retired' END"
                        + " WHERE kind = 'recommender' AND (status = 'active' OR id = ?)", statement -> {
                    statement.setLong(1, elsewhere.id());
                    statement.setLong(2, elsewhere.id());
                    return statement.executeUpdate();
                }));
        assertEquals(current.id(), served.current().orElseThrow().version(), "no listener in this process heard it");

        served.followRegistry();
        readings.refresh();

        assertEquals(elsewhere.id(), served.current().orElseThrow().version());
        PrometheusScrape scrape = scrape();
        assertEquals((double) elsewhere.id(), scrape.value("stylegraph_model_served_version", RECOMMENDER));
        assertEquals((double) elsewhere.id(), scrape.value("stylegraph_model_active_version", RECOMMENDER));
    }

    @Test
    void shouldReportFeedbackWaitingForTheGraphUntilItIsProjected() throws InterruptedException {
        // appended without projecting: what the log holds while the graph is unavailable
        feedback.append("metrics-shopper", "item", "top-3", "like", null, Instant.now());
        Thread.sleep(1100);
        readings.refresh();
        PrometheusScrape waiting = scrape();
        assertTrue(waiting.value("stylegraph_feedback_unprojected_events", Map.of()) >= 1);
        double lag = waiting.value("stylegraph_feedback_projection_lag_seconds", Map.of());
        assertTrue(lag >= 1.0 && lag < 600, "lag " + lag);

        reconciler.reconcile();
        readings.refresh();

        PrometheusScrape projected = scrape();
        assertEquals(0.0, projected.value("stylegraph_feedback_unprojected_events", Map.of()));
        assertEquals(0.0, projected.value("stylegraph_feedback_projection_lag_seconds", Map.of()));
        assertEquals(1, count("MATCH (:User {id: 'metrics-shopper'})-[:LIKED]->(:Item {id: 'top-3'}) RETURN count(*)",
                Map.of()));
        // other test classes share the database: their try-on jobs may still be there
        assertTrue(projected.value("stylegraph_tryon_jobs", Map.of("status", "queued")) >= 0);
        assertTrue(projected.value("stylegraph_tryon_jobs", Map.of("status", "running")) >= 0);
    }

    private PrometheusScrape scrapeWhen(java.util.function.Predicate<PrometheusScrape> ready)
            throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            PrometheusScrape scrape = scrape();
            if (ready.test(scrape)) {
                return scrape;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the scrape never showed what was expected");
    }
}
