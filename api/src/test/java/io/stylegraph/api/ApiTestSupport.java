package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.neo4j.GraphDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP round-trip tests: points the application at the shared embedded stores and offers a small
 * catalogue and JSON helpers. Subclasses are {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestSupport implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected GraphDatabase graph;

    @Inject
    protected CatalogueCache catalogue;

    @Inject
    protected JsonMapper json;

    @Inject
    protected TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties();
    }

    /** The given properties with uploads (look photos) in a temporary folder instead of the working tree. */
    protected static Map<String, String> withTemporaryUploads(Map<String, String> properties) {
        Map<String, String> changed = new java.util.HashMap<>(properties);
        changed.put("stylegraph.search.image-dir",
                io.stylegraph.api.tryon.TryOnFixtures.temporaryFolder("uploads").toString());
        return changed;
    }

    /** Empties the shared graph: the test classes each start from their own catalogue. */
    protected void clearGraph() {
        graph.runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
    }

    /** Replaces the graph's content with {@code perSlot} items in each of top, bottom, shoes and dress. */
    protected void resetCatalogue(int perSlot) {
        clearGraph();
        CatalogueSource source = new CatalogueSource() {
            @Override
            public String name() {
                return "test-catalogue";
            }

            @Override
            public void read(ImportSink sink) {
                for (Slot slot : List.of(Slot.TOP, Slot.BOTTOM, Slot.SHOES, Slot.DRESS)) {
                    for (int i = 0; i < perSlot; i++) {
                        String id = slot.wireName() + "-" + i;
                        sink.item(new Item(id, "A " + slot.wireName() + " " + i, null, slot.wireName() + "s", slot,
                                i % 2 == 0 ? Gender.WOMEN : Gender.MEN, "Black", Map.of(), null, "test-catalogue"));
                    }
                }
            }
        };
        try {
            new GraphImporter(graph).importFrom(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalogue.reload();
    }

    protected Map<String, Object> getJson(String uri) {
        return readMap(client.toBlocking().retrieve(HttpRequest.GET(uri)));
    }

    protected HttpResponse<String> postJson(String uri, String body) {
        return client.toBlocking().exchange(HttpRequest.POST(uri, body)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE), String.class);
    }

    /** Starts a training run through the API and polls it until it is done or failed (at most two minutes). */
    protected Map<String, Object> trainAndWait() throws InterruptedException {
        HttpResponse<String> accepted = postJson("/v1/training/runs", "{}");
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String location = accepted.getHeaders().get("Location");
        for (int attempt = 0; attempt < 1200; attempt++) {
            Map<String, Object> run = getJson(location);
            if ("done".equals(run.get("status")) || "failed".equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("training did not finish");
    }

    /**
     * A training run that must succeed, then served: the gate compares with whatever another test class left active,
     * so the version is promoted when the gate kept the previous one. Returns the served version.
     */
    protected long trainAndServe(String reason) throws InterruptedException {
        Map<String, Object> run = trainAndWait();
        assertEquals("done", run.get("status"), String.valueOf(run));
        long version = ((Number) run.get("modelVersionId")).longValue();
        if (!"active".equals(getJson("/v1/models/" + version).get("status"))) {
            postJson("/v1/models/" + version + "/promote", "{\"reason\": \"" + reason + "\"}");
        }
        return version;
    }

    /**
     * The registry lives in the PostgreSQL all test classes share: a class that served a model retires it afterwards,
     * so the next class (TrainingApiTest expects its first run to be promoted by the gate) starts with none active.
     */
    protected void retireActiveRecommender() {
        retireActive("recommender");
    }

    /** As {@link #retireActiveRecommender()}, for a version of {@code kind} ({@code outfit}: a class that trained one). */
    protected void retireActive(String kind) {
        String note = "retired by " + getClass().getSimpleName();
        transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                return statement.executeUpdate("UPDATE model_version SET status = 'retired', retired_at = now(), "
                        + "note = '" + note + "' WHERE kind = '" + kind + "' AND status = 'active'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Queues a recommender run that never runs, so every training start the API admits answers 409 instead of
     * training; tests that call every route use it. Release it with {@code TrainingRunRepository.failUnfinished}.
     */
    protected void holdTrainingSlot() {
        transactions.executeWrite(status -> {
            try (java.sql.PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO training_run (kind, trigger, status) VALUES (?, 'api', 'queued')")) {
                insert.setString(1, io.stylegraph.api.recommendations.ServedModelHolder.KIND);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Polls outfit scoring until the compatibility index answers instead of 503 (at most two minutes). */
    protected void awaitOutfitIndex(String scoreBody) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                postJson("/v1/outfits/score", scoreBody);
                return;
            } catch (HttpClientResponseException notYet) {
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, notYet.getStatus(), notYet.getMessage());
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the outfit index was not ready within two minutes");
    }

    /** The problem document of a request that must fail. */
    protected Problem expectProblem(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            throw new AssertionError("expected an error, got " + response.getStatus() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            String contentType = e.getResponse().getContentType().map(Object::toString).orElse("");
            return new Problem(e.getStatus().getCode(), contentType, readMap(body), body);
        }
    }

    protected record Problem(int status, String contentType, Map<String, Object> body, String raw) {
        public String code() {
            return (String) body.get("code");
        }

        public String field() {
            return (String) body.get("field");
        }
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> readMap(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    protected long count(String cypher, Map<String, Object> parameters) {
        return graph.read(tx -> tx.run(cypher, parameters).single().get(0).asLong());
    }
}
