package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ImportApiTest extends ApiTestSupport {
    private Path folder;

    @BeforeAll
    void catalogueFolder() throws IOException {
        resetCatalogue(0);
        folder = Files.createTempDirectory("generic-catalogue");
        Files.writeString(folder.resolve("items.jsonl"), """
                {"id": "g-1", "title": "Linen shirt", "category": "Shirts", "slot": "top", "gender": "men", "colour": "White"}
                {"id": "g-2", "title": "Chinos", "category": "Trousers", "slot": "bottom", "colour": "Beige"}
                {"title": "row without id"}
                {"id": "g-3", "title": "Loafers", "category": "Shoes", "slot": "shoes", "attributes": {"material": "suede"}}
                """);
        Files.writeString(folder.resolve("interactions.csv"), """
                user_id,item_id,signal
                shopper-1,g-1,like
                shopper-1,g-2,dislike
                shopper-2,g-3,like
                """);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runImport() throws InterruptedException {
        HttpResponse<String> accepted = postJson("/v1/imports", "{\"path\": \"" + folder + "\"}");
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String location = accepted.getHeaders().get("Location");
        assertTrue(location.startsWith("/v1/imports/"), location);
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, Object> job = getJson(location);
            if ("done".equals(job.get("status")) || "failed".equals(job.get("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void shouldImportAGenericFolderReportBadRowsAndServeTheItems() throws InterruptedException {
        Map<String, Object> job = runImport();

        assertEquals("done", job.get("status"), job.toString());
        assertEquals(3, ((Number) job.get("items")).intValue());
        assertEquals(3, ((Number) job.get("interactions")).intValue());
        assertEquals(1, ((Number) job.get("rejected")).intValue());
        assertTrue(((String) job.get("errors")).contains("items.jsonl:3"), (String) job.get("errors"));

        Map<String, Object> item = getJson("/v1/items/g-3");
        assertEquals("shoes", item.get("slot"));
        assertEquals("suede", ((Map<?, ?>) item.get("attributes")).get("material"));
        List<?> tops = (List<?>) getJson("/v1/items?slot=top").get("items");
        assertEquals(1, tops.size());
        assertEquals(1, count("MATCH (:User {id: 'shopper-1'})-[:DISLIKED]->(:Item {id: 'g-2'}) RETURN count(*)", Map.of()));

        Map<String, Object> again = runImport();
        assertEquals("done", again.get("status"));
        assertEquals(3, count("MATCH (i:Item) RETURN count(i)", Map.of()));
        assertEquals(3, count("MATCH (:User)-[r]->(:Item) RETURN count(r)", Map.of()));
    }
}
