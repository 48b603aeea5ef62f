package io.stylegraph.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
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

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.properties();
    }

    /** Replaces the graph's content with {@code perSlot} items in each of top, bottom, shoes and dress. */
    protected void resetCatalogue(int perSlot) {
        graph.runAutoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", Map.of());
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
