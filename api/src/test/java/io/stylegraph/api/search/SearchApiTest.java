package io.stylegraph.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Slot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SearchApiTest extends ApiTestSupport {

    @Inject
    EmbeddingJob embeddings;

    private EmbeddingStatus firstRun;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.models.max-image-pixels", "250000");
        properties.put("stylegraph.models.max-image-bytes", "200KB");
        return properties;
    }

    @BeforeAll
    void embeddedCatalogue() throws InterruptedException {
        SearchCatalogue.load(graph);
        catalogue.reload();
        embeddings.requestRun();
        for (int attempt = 0; attempt < 600 && !"done".equals(embeddings.status().state()); attempt++) {
            assertFalse("failed".equals(embeddings.status().state()), embeddings.status().toString());
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());
        firstRun = embeddings.status();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> results(Map<String, Object> response) {
        return (List<Map<String, Object>>) response.get("results");
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(Map<String, Object> response) {
        return results(response).stream().map(hit -> (String) ((Map<String, Object>) hit.get("item")).get("id"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> field(Map<String, Object> response, String name) {
        return results(response).stream().map(hit -> (String) ((Map<String, Object>) hit.get("item")).get(name))
                .toList();
    }

    private Map<String, Object> postImage(String uri, byte[] image, String text) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("image", "query.png", MediaType.IMAGE_PNG_TYPE,
                image);
        if (text != null) {
            body.addPart("text", text);
        }
        return readMap(client.toBlocking().retrieve(HttpRequest.POST(uri, body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
    }

    private Problem postImageExpectingProblem(byte[] image) {
        return expectProblem(HttpRequest.POST("/v1/search/image", MultipartBody.builder()
                .addPart("image", "query.bin", MediaType.APPLICATION_OCTET_STREAM_TYPE, image).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static void assertProblem(Problem problem, int status, String code, String field) {
        assertEquals(status, problem.status(), problem.raw());
        assertEquals(code, problem.code(), problem.raw());
        assertEquals(field, problem.field(), problem.raw());
        assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
    }

    @Test
    void shouldEmbedEveryItemStoreTheVectorsAndReportIt() {
        Map<String, Object> status = getJson("/v1/search/status");

        assertEquals(9, firstRun.items());
        assertEquals(9, firstRun.embedded());
        assertEquals("done", status.get("state"));
        assertEquals(Map.of("visual", 8, "text", 9), status.get("indexed"));
        assertEquals(8, count("MATCH (i:Item) WHERE i.visual IS NOT NULL RETURN count(i)", Map.of()));
        assertEquals(9, count("MATCH (i:Item) WHERE i.textModel = 'all-MiniLM-L6-v2' RETURN count(i)", Map.of()));
        assertEquals(2, count("SHOW VECTOR INDEXES YIELD name WHERE name IN ['item_visual', 'item_text'] "
                + "RETURN count(*)", Map.of()));
        Map<?, ?> health = (Map<?, ?>) ((Map<?, ?>) getJson("/health").get("details")).get("search");
        assertEquals("UP", health.get("status"));
        assertEquals("done", ((Map<?, ?>) health.get("details")).get("state"));
    }

    @Test
    void shouldDescribeTheSearchEndpointsInTheOpenApiDocument() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/stylegraph-v1.yml"));

        assertTrue(spec.contains("/v1/items/{itemId}/similar"));
        assertTrue(spec.contains("/v1/search/image"));
        assertTrue(spec.contains("/v1/search/status"));
        assertTrue(spec.contains("multipart/form-data"));
    }

    @Test
    void shouldNotEmbedAgainWhenNothingChanged() throws InterruptedException {
        embeddings.requestRun();
        for (int attempt = 0; attempt < 300 && !"done".equals(embeddings.status().state()); attempt++) {
            Thread.sleep(50);
        }

        assertEquals(0, embeddings.status().items(), embeddings.status().toString());
    }

    @Test
    void shouldFindVisuallySimilarItemsButNeverTheItemItself() {
        Map<String, Object> response = getJson("/v1/items/red-top-1/similar?modality=visual&k=3");

        assertEquals("visual", response.get("modality"));
        assertEquals("red-top-2", ids(response).get(0));
        assertEquals(3, ids(response).size());
        assertFalse(ids(response).contains("red-top-1"));
        double first = ((Number) results(response).get(0).get("score")).doubleValue();
        double second = ((Number) results(response).get(1).get("score")).doubleValue();
        assertTrue(first >= second && first <= 1.0001, response.toString());
    }

    @Test
    void shouldRankByWordsAndByBothModalities() {
        assertEquals("red-shoes-2", ids(getJson("/v1/items/red-shoes-1/similar?modality=text&k=1")).get(0));
        List<String> hybrid = ids(getJson("/v1/items/blue-top-1/similar?k=8"));
        assertEquals("blue-top-2", hybrid.get(0));
        assertTrue(hybrid.contains("words-only"), "items without a picture still match by words: " + hybrid);
    }

    @Test
    void shouldApplySlotAndGenderFiltersBeforeChoosingTheTopK() {
        Map<String, Object> shoes = getJson("/v1/items/red-top-1/similar?modality=visual&slot=shoes&k=5");
        assertEquals(List.of("shoes", "shoes", "shoes"), field(shoes, "slot"));
        assertEquals("red-shoes-1", ids(getJson("/v1/items/red-top-1/similar?slot=shoes&gender=men&k=1")).get(0));
        Map<String, Object> women = getJson("/v1/search?q=shirt&gender=women&k=10");
        assertTrue(field(women, "gender").stream().allMatch("women"::equals), women.toString());
        assertEquals(5, ids(women).size());
    }

    @Test
    void shouldSearchByWords() {
        Map<String, Object> response = getJson("/v1/search?q=red%20sneakers&k=3");

        assertEquals("text", response.get("modality"));
        assertEquals("red-shoes-1", ids(response).get(0));
        assertEquals(false, response.get("indexing"));
    }

    @Test
    void shouldSearchByImageAndComposeWithWords() {
        byte[] redShoe = SearchCatalogue.png(SearchCatalogue.picture(Slot.SHOES, SearchCatalogue.RED));

        Map<String, Object> byImage = postImage("/v1/search/image?k=2", redShoe, null);
        assertEquals("visual", byImage.get("modality"));
        assertEquals(List.of("red-shoes-1", "red-shoes-2"), ids(byImage).stream().sorted().toList());

        Map<String, Object> composed = postImage("/v1/search/image?k=1", redShoe, "in blue");
        assertEquals("composed", composed.get("modality"));
        assertEquals(List.of("blue-shoes-1"), ids(composed));

        Map<String, Object> filtered = postImage("/v1/search/image?k=5&slot=top&gender=women", redShoe, null);
        assertEquals(List.of("blue-top-2", "red-top-1", "red-top-2"), ids(filtered).stream().sorted().toList());
    }

    @Test
    void shouldReRankWithQueryExpansionAndDatabaseAugmentation() {
        Map<String, Object> both = getJson("/v1/items/red-top-1/similar?modality=visual&k=4&aqe=true&dba=true");

        assertEquals(true, both.get("aqe"));
        assertEquals(true, both.get("dba"));
        assertEquals(4, ids(both).size());
        assertFalse(ids(both).contains("red-top-1"));
        List<Double> scores = results(both).stream().map(hit -> ((Number) hit.get("score")).doubleValue()).toList();
        assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores);
        assertEquals("red-shoes-1", ids(getJson("/v1/search?q=red%20sneakers&k=2&aqe=true")).get(0));
        assertEquals(2, ids(getJson("/v1/search?q=red%20sneakers&k=2&dba=true&slot=shoes")).size());
    }

    @Test
    void shouldRefuseBadParameters() {
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/red-top-1/similar?modality=smell")), 400,
                "invalid-field", "modality");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/red-top-1/similar?k=0")), 400, "invalid-field", "k");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/red-top-1/similar?k=101")), 400, "invalid-field", "k");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/red-top-1/similar?k=ten")), 400, "invalid-value", "k");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/red-top-1/similar?slot=hat")), 400, "invalid-field",
                "slot");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/ghost/similar")), 404, "unknown-item", "itemId");
        assertProblem(expectProblem(HttpRequest.GET("/v1/items/words-only/similar?modality=visual")), 409,
                "not-embedded", "itemId");
        assertProblem(expectProblem(HttpRequest.GET("/v1/search")), 400, "missing-parameter", "q");
        assertProblem(expectProblem(HttpRequest.GET("/v1/search?q=%20")), 400, "invalid-field", "q");
        assertProblem(expectProblem(HttpRequest.GET("/v1/search?q=red&gender=robot")), 400, "invalid-field",
                "gender");
    }

    @Test
    void shouldRefuseMissingCorruptUnsupportedAndOversizedImages() {
        assertProblem(expectProblem(HttpRequest.POST("/v1/search/image", MultipartBody.builder()
                .addPart("text", "red").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), 400,
                "missing-parameter", "image");
        byte[] corrupt = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};
        assertProblem(postImageExpectingProblem(corrupt), 400, "image-corrupt", "image");
        assertProblem(postImageExpectingProblem("GIF89a not really".getBytes()), 415, "image-unsupported-format",
                "image");
        byte[] huge = SearchCatalogue.png(new java.awt.image.BufferedImage(600, 500,
                java.awt.image.BufferedImage.TYPE_INT_RGB));
        assertProblem(postImageExpectingProblem(huge), 413, "image-too-many-pixels", "image");
        assertProblem(postImageExpectingProblem(new byte[0]), 400, "image-empty", "image");
        byte[] heavy = new byte[300 * 1024];
        System.arraycopy(SearchCatalogue.png(SearchCatalogue.picture(Slot.TOP, SearchCatalogue.RED)), 0, heavy, 0, 8);
        assertProblem(postImageExpectingProblem(heavy), 413, "image-too-large", "image");
    }
}
