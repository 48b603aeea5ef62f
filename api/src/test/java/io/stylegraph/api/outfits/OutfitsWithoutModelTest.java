package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OutfitsWithoutModelTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.outfits.model-file", "/nonexistent/outfits.sgoutfit");
        properties.put("stylegraph.outfits.train-on-start", "false");
        return properties;
    }

    @Test
    void shouldAnswer503WhileNoModelIsReadyButStillShowStoredLooks() {
        resetCatalogue(2);

        for (HttpRequest<?> request : List.of(HttpRequest.GET("/v1/users/someone/outfits"),
                HttpRequest.POST("/v1/outfits/score", "{\"itemIds\": [\"top-0\", \"shoes-0\"]}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpRequest.POST("/v1/outfits/complete", "{\"itemIds\": [\"top-0\"]}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE))) {
            Problem problem = expectProblem(request);
            assertEquals(503, problem.status(), problem.raw());
            assertEquals("outfits-not-ready", problem.code(), problem.raw());
        }
        Map<String, Object> looks = getJson("/v1/items/top-0/looks");
        assertEquals("model-not-ready", looks.get("generatedStatus"));
        assertEquals(List.of(), looks.get("generated"));
        assertEquals("unavailable", ((String) getJson("/v1/outfits/status").get("state")).split(":")[0]);
    }
}
