package io.stylegraph.api.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Slot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ItemUploadApiTest extends ApiTestSupport {
    private static final Path IMAGE_DIR = temporaryFolder();

    @Inject
    EmbeddingJob embeddings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.search.image-dir", IMAGE_DIR.toString());
        return properties;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void embeddedCatalogue() throws InterruptedException {
        SearchCatalogue.load(graph);
        catalogue.reload();
        embeddings.requestRun();
        for (int attempt = 0; attempt < 600 && !"done".equals(embeddings.status().state()); attempt++) {
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());
    }

    private HttpRequest<?> upload(String itemJson, byte[] image) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (itemJson != null) {
            body.addPart("item", itemJson);
        }
        if (image != null) {
            body.addPart("image", "photo.png", MediaType.IMAGE_PNG_TYPE, image);
        }
        return HttpRequest.POST("/v1/items", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(Map<String, Object> response) {
        return ((List<Map<String, Object>>) response.get("results")).stream()
                .map(hit -> (String) ((Map<String, Object>) hit.get("item")).get("id")).toList();
    }

    @Test
    void shouldAddAnItemThatIsSearchableAtOnce() throws IOException {
        byte[] picture = SearchCatalogue.png(SearchCatalogue.picture(Slot.SHOES, SearchCatalogue.GREEN));

        HttpResponse<String> created = client.toBlocking().exchange(upload("""
                {"id": "green-shoes-9", "title": "Green canvas trainers", "category": "Shoes", "slot": "shoes",
                 "gender": "women", "colour": "Green", "attributes": {"material": "canvas"}}""", picture), String.class);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/v1/items/green-shoes-9", created.getHeaders().get("Location"));
        Map<String, Object> item = readMap(created.body());
        assertEquals("shoes", item.get("slot"));
        assertEquals("/v1/items/green-shoes-9/image", item.get("imageUrl"));
        assertEquals("canvas", ((Map<?, ?>) getJson("/v1/items/green-shoes-9").get("attributes")).get("material"));
        assertArrayEquals(picture, client.toBlocking().retrieve(HttpRequest.GET("/v1/items/green-shoes-9/image"),
                byte[].class));
        // what browsers send for an <img> or a fetch of a picture
        assertArrayEquals(picture, client.toBlocking().retrieve(HttpRequest.GET("/v1/items/green-shoes-9/image")
                .header("Accept", "image/avif,image/webp,image/*;q=0.8"), byte[].class));
        assertTrue(Files.isRegularFile(IMAGE_DIR.resolve("green-shoes-9.png")));

        assertEquals("green-shoes-9", ids(getJson("/v1/search?q=green%20trainers&k=1")).get(0));
        assertEquals("green-shoes-9",
                ids(getJson("/v1/items/red-shoes-1/similar?modality=visual&gender=women&slot=shoes&k=2")).get(1));
        assertEquals(1, count("MATCH (i:Item {id: 'green-shoes-9'}) WHERE i.visual IS NOT NULL AND i.text IS NOT NULL "
                + "RETURN count(i)", Map.of()));
    }

    @Test
    void shouldMakeUpAnIdWhenNoneIsGiven() {
        HttpResponse<String> created = client.toBlocking().exchange(upload("{\"title\": \"Plain white tee\"}",
                SearchCatalogue.png(SearchCatalogue.picture(Slot.TOP, java.awt.Color.LIGHT_GRAY))), String.class);

        String location = created.getHeaders().get("Location");
        assertTrue(location.matches("/v1/items/up-[0-9a-f]{12}"), location);
        assertEquals("other", getJson(location).get("slot"));
    }

    @Test
    void shouldRefuseAnExistingIdAndBadFields() {
        byte[] picture = SearchCatalogue.png(SearchCatalogue.picture(Slot.TOP, SearchCatalogue.RED));

        Problem exists = expectProblem(upload("{\"id\": \"red-top-1\", \"title\": \"Again\"}", picture));
        assertEquals(409, exists.status(), exists.raw());
        assertEquals("item-exists", exists.code());
        assertEquals("id", exists.field());

        Problem noTitle = expectProblem(upload("{\"id\": \"x-1\"}", picture));
        assertEquals(400, noTitle.status(), noTitle.raw());
        assertEquals("invalid-field", noTitle.code());
        assertEquals("title", noTitle.field());

        Problem badId = expectProblem(upload("{\"id\": \"../etc\", \"title\": \"Sneaky\"}", picture));
        assertEquals("invalid-field", badId.code(), badId.raw());
        assertEquals("id", badId.field());

        Problem badSlot = expectProblem(upload("{\"title\": \"Hat\", \"slot\": \"head\"}", picture));
        assertEquals("slot", badSlot.field(), badSlot.raw());

        Problem notJson = expectProblem(upload("{\"title\": ", picture));
        assertEquals(400, notJson.status(), notJson.raw());
        assertEquals("malformed-json", notJson.code());
        assertEquals("item", notJson.field());
    }

    @Test
    void shouldRefuseAMissingOrBrokenImage() {
        Problem missing = expectProblem(upload("{\"title\": \"No picture\"}", null));
        assertEquals(400, missing.status(), missing.raw());
        assertEquals("missing-parameter", missing.code());
        assertEquals("image", missing.field());

        Problem corrupt = expectProblem(upload("{\"title\": \"Broken picture\"}",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}));
        assertEquals(400, corrupt.status(), corrupt.raw());
        assertEquals("image-corrupt", corrupt.code());

        Problem missingItem = expectProblem(upload(null, SearchCatalogue.png(SearchCatalogue.picture(Slot.TOP,
                SearchCatalogue.RED))));
        assertEquals("missing-parameter", missingItem.code(), missingItem.raw());
        assertEquals("item", missingItem.field());
    }
}
