package io.stylegraph.api.looks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.search.EmbeddingJob;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ShopTheLookApiTest extends ApiTestSupport {
    private static final Path CCP_PHOTO = Path.of("..", "..", "shared", "data", "clothing-co-parsing", "photos",
            "0002.jpg");
    private static final Path IMAGE_DIR = temporaryFolder();

    @jakarta.inject.Inject
    EmbeddingJob embeddings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.models.max-image-pixels", "1000000");
        properties.put("stylegraph.search.image-dir", IMAGE_DIR.toString());
        return properties;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("looks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void embeddedCatalogue() throws InterruptedException {
        LookCatalogue.load(graph);
        catalogue.reload();
        embeddings.requestRun();
        for (int attempt = 0; attempt < 600 && !"done".equals(embeddings.status().state()); attempt++) {
            assertFalse("failed".equals(embeddings.status().state()), embeddings.status().toString());
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());
    }

    private HttpRequest<?> shop(String query, byte[] image, MediaType type, String boxes) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (image != null) {
            body.addPart("image", "look.bin", type, image);
        }
        if (boxes != null) {
            body.addPart("boxes", boxes);
        }
        return HttpRequest.POST("/v1/shop-the-look" + query, body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private Map<String, Object> shopJson(String query, byte[] image, MediaType type, String boxes) {
        return readMap(client.toBlocking().retrieve(shop(query, image, type, boxes)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> regions(Map<String, Object> response) {
        return (List<Map<String, Object>>) response.get("regions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> region) {
        return ((List<Map<String, Object>>) region.get("results")).stream()
                .map(hit -> (Map<String, Object>) hit.get("item")).toList();
    }

    private static Map<String, Map<String, Object>> bySlot(Map<String, Object> response) {
        return regions(response).stream().collect(Collectors.toMap(r -> (String) r.get("slot"), r -> r));
    }

    @Test
    void shouldMatchEachGarmentOfAGeneratedStreetPhotoWithinItsSlotAndGender() {
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(400, 600), "png");

        Map<String, Object> response = shopJson("?k=3&gender=women", photo, MediaType.IMAGE_PNG_TYPE, null);

        assertEquals("women", response.get("gender"));
        assertEquals("request", response.get("genderSource"));
        assertEquals(400, response.get("width"));
        Map<String, Map<String, Object>> regions = bySlot(response);
        assertEquals(Set.of("top", "bottom", "shoes"), regions.keySet(), response.toString());
        assertEquals("body-proportions", regions.get("top").get("source"));
        assertEquals("red-top-women", items(regions.get("top")).get(0).get("id"), response.toString());
        assertEquals("blue-trousers-women", items(regions.get("bottom")).get(0).get("id"), response.toString());
        assertEquals("black-shoes-women", items(regions.get("shoes")).get(0).get("id"), response.toString());
        for (Map<String, Object> region : regions.values()) {
            assertTrue(items(region).size() <= 3);
            for (Map<String, Object> item : items(region)) {
                assertEquals(region.get("slot"), item.get("slot"));
                assertTrue(Set.of("women", "unisex").contains(item.get("gender")), item.toString());
            }
        }
    }

    @Test
    void shouldTakeAnEmptyBoxesPartAsNoBoxes() {
        // form clients, the generated Kotlin client among them, send a field given no value as an empty part
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(400, 600), "png");

        Map<String, Object> response = shopJson("?k=3&gender=women", photo, MediaType.IMAGE_PNG_TYPE, "");

        assertEquals(Set.of("top", "bottom", "shoes"), bySlot(response).keySet(), response.toString());
        assertEquals("body-proportions", bySlot(response).get("top").get("source"));
    }

    @Test
    void shouldAnswerBoxesOfALargePhotoInItsOwnPixels() {
        // found on a copy 800 pixels high, answered in the 1200-pixel photo's frame
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(800, 1200), "png");

        Map<String, Object> response = shopJson("?k=1&gender=women", photo, MediaType.IMAGE_PNG_TYPE, null);

        Map<String, Map<String, Object>> regions = bySlot(response);
        Map<?, ?> top = (Map<?, ?>) regions.get("top").get("box");
        // the figure's top is drawn at x 220-580, y 240-600
        double x0 = ((Number) top.get("x0")).doubleValue();
        double x1 = ((Number) top.get("x1")).doubleValue();
        double y1 = ((Number) top.get("y1")).doubleValue();
        assertTrue(x0 > 150 && x0 < 300 && x1 > 500 && x1 < 650 && y1 > 450 && y1 < 750, top.toString());
        assertEquals("red-top-women", items(regions.get("top")).get(0).get("id"));
    }

    @Test
    void shouldNotHoldTheLookToAGenderTheImagesCannotTellApart() {
        // every garment exists for women and for men with the same picture: the vote is split evenly
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(400, 600), "jpg");

        Map<String, Object> response = shopJson("?k=4", photo, MediaType.IMAGE_JPEG_TYPE, null);

        assertFalse(response.containsKey("gender"), response.toString());
        assertFalse(response.containsKey("genderSource"), response.toString());
        Set<Object> genders = new java.util.HashSet<>();
        regions(response).forEach(region -> items(region).forEach(item -> genders.add(item.get("gender"))));
        assertTrue(genders.containsAll(Set.of("women", "men")), response.toString());
    }

    @Test
    void shouldSearchTheClientsBoxesInsteadOfFindingRegions() {
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(400, 600), "png");
        // the trousers' box only, sent as the slot "bottom"; a second box reaching past the frame is cut to it
        String boxes = """
                [{"slot": "bottom", "x0": 160, "y0": 300, "x1": 240, "y1": 510, "confidence": 0.8},
                 {"slot": "shoes", "x0": 160, "y0": 510, "x1": 240, "y1": 700}]""";

        Map<String, Object> response = shopJson("?k=2&gender=men", photo, MediaType.IMAGE_PNG_TYPE, boxes);

        List<Map<String, Object>> regions = regions(response);
        assertEquals(2, regions.size());
        assertEquals("client", regions.get(0).get("source"));
        assertEquals(0.8, ((Number) regions.get(0).get("confidence")).doubleValue(), 1e-9);
        assertEquals("blue-trousers-men", items(regions.get(0)).get(0).get("id"));
        assertEquals(600.0, ((Number) ((Map<?, ?>) regions.get(1).get("box")).get("y1")).doubleValue(), 1e-9);
    }

    @Test
    void shouldShopARealStreetPhoto() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CCP_PHOTO),
                "clothing-co-parsing photo 0002.jpg not found under ../shared/data; skipping the real-photo check");
        Map<String, Object> response = shopJson("?k=2", Files.readAllBytes(CCP_PHOTO), MediaType.IMAGE_JPEG_TYPE,
                null);

        Map<String, Map<String, Object>> regions = bySlot(response);
        assertEquals(Set.of("top", "bottom", "shoes"), regions.keySet());
        Map<?, ?> top = (Map<?, ?>) regions.get("top").get("box");
        // the annotated top of photo 0002 spans rows 111-308 of 600: the region must overlap it
        assertTrue(((Number) top.get("y0")).doubleValue() < 308 && ((Number) top.get("y1")).doubleValue() > 111,
                top.toString());
        for (Map<String, Object> region : regions.values()) {
            assertEquals(2, items(region).size(), region.toString());
            items(region).forEach(item -> assertEquals(region.get("slot"), item.get("slot")));
        }
    }

    @Test
    void shouldRefuseBadInputWithProblemDocuments() {
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(200, 300), "png");

        Problem notImage = expectProblem(shop("", "not a picture".getBytes(), MediaType.TEXT_PLAIN_TYPE, null));
        assertEquals(415, notImage.status(), notImage.raw());
        assertEquals("image-unsupported-format", notImage.code());
        assertEquals("image", notImage.field());

        byte[] huge = LookCatalogue.encode(new java.awt.image.BufferedImage(1200, 1000,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png");
        Problem tooMany = expectProblem(shop("", huge, MediaType.IMAGE_PNG_TYPE, null));
        assertEquals(413, tooMany.status(), tooMany.raw());
        assertEquals("image-too-many-pixels", tooMany.code());

        Problem missing = expectProblem(shop("", null, null, "[]"));
        assertEquals("missing-parameter", missing.code(), missing.raw());
        assertEquals("image", missing.field());

        Problem badJson = expectProblem(shop("", photo, MediaType.IMAGE_PNG_TYPE, "[{\"slot\": "));
        assertEquals(400, badJson.status(), badJson.raw());
        assertEquals("malformed-json", badJson.code());
        assertEquals("boxes", badJson.field());

        Problem unknownSlot = expectProblem(shop("", photo, MediaType.IMAGE_PNG_TYPE,
                "[{\"slot\": \"top\", \"x0\": 1, \"y0\": 1, \"x1\": 50, \"y1\": 50},"
                        + " {\"slot\": \"hat\", \"x0\": 1, \"y0\": 1, \"x1\": 50, \"y1\": 50}]"));
        assertEquals(400, unknownSlot.status(), unknownSlot.raw());
        assertEquals("invalid-field", unknownSlot.code());
        assertEquals("boxes[1].slot", unknownSlot.field());

        Problem inverted = expectProblem(shop("", photo, MediaType.IMAGE_PNG_TYPE,
                "[{\"slot\": \"top\", \"x0\": 50, \"y0\": 1, \"x1\": 10, \"y1\": 50}]"));
        assertEquals("boxes[0]", inverted.field(), inverted.raw());
        Problem outside = expectProblem(shop("", photo, MediaType.IMAGE_PNG_TYPE,
                "[{\"slot\": \"top\", \"x0\": 500, \"y0\": 1, \"x1\": 600, \"y1\": 50}]"));
        assertEquals("boxes[0]", outside.field(), outside.raw());
        Problem noCorner = expectProblem(shop("", photo, MediaType.IMAGE_PNG_TYPE,
                "[{\"slot\": \"top\", \"x0\": 5, \"y0\": 1, \"y1\": 50}]"));
        assertEquals("boxes[0].x1", noCorner.field(), noCorner.raw());

        Problem badK = expectProblem(shop("?k=0", photo, MediaType.IMAGE_PNG_TYPE, null));
        assertEquals("k", badK.field(), badK.raw());
        Problem badGender = expectProblem(shop("?gender=robot", photo, MediaType.IMAGE_PNG_TYPE, null));
        assertEquals("gender", badGender.field(), badGender.raw());
    }

    @Test
    void shouldBeDescribedInTheOpenApiDocument() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/stylegraph-v1.yml"));
        assertTrue(spec.contains("/v1/shop-the-look"), spec);
        assertTrue(spec.contains("/v1/looks/{photoId}"), spec);
    }

    private HttpRequest<?> saveLook(String look, byte[] image) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (look != null) {
            body.addPart("look", look);
        }
        if (image != null) {
            body.addPart("image", "look.jpg", MediaType.IMAGE_JPEG_TYPE, image);
        }
        return HttpRequest.POST("/v1/looks", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    @Test
    void shouldSaveALookAsAPhotoFeaturingItems() {
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(200, 300), "jpg");

        HttpResponse<String> created = client.toBlocking().exchange(saveLook("""
                {"photoId": "street-look-1", "userId": "user-42",
                 "items": [{"itemId": "red-top-women", "slot": "top", "box": [40, 40, 160, 150]},
                           {"itemId": "blue-trousers-women"}]}""", photo), String.class);

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("/v1/looks/street-look-1", created.getHeaders().get("Location"));
        Map<String, Object> look = getJson("/v1/looks/street-look-1");
        assertEquals("user-42", look.get("userId"));
        assertEquals(2, ((List<?>) look.get("items")).size());
        assertEquals(1, count("MATCH (p:Photo {id: 'street-look-1', userId: 'user-42', source: 'api'})"
                + "-[f:FEATURES {slot: 'top'}]->(:Item {id: 'red-top-women'}) WHERE f.box = [40.0, 40.0, 160.0, 150.0] "
                + "RETURN count(p)", Map.of()));
        assertArrayEquals(photo, client.toBlocking().retrieve(HttpRequest.GET("/v1/looks/street-look-1/image"),
                byte[].class));

        Problem again = expectProblem(saveLook("{\"photoId\": \"street-look-1\", \"items\": [{\"itemId\": "
                + "\"red-top-women\"}]}", photo));
        assertEquals(409, again.status(), again.raw());
        assertEquals("look-exists", again.code());
    }

    @Test
    void shouldRefuseALookWithUnknownItemsOrBadFields() {
        byte[] photo = LookCatalogue.encode(LookCatalogue.streetPhoto(200, 300), "jpg");

        Problem unknown = expectProblem(saveLook("{\"items\": [{\"itemId\": \"red-top-women\"}, "
                + "{\"itemId\": \"ghost\"}]}", photo));
        assertEquals(400, unknown.status(), unknown.raw());
        assertEquals("unknown-item", unknown.code());
        assertEquals("items[1].itemId", unknown.field());

        Problem empty = expectProblem(saveLook("{\"items\": []}", photo));
        assertEquals("items", empty.field(), empty.raw());
        Problem badBox = expectProblem(saveLook("{\"items\": [{\"itemId\": \"red-top-women\", \"box\": [1, 2]}]}",
                photo));
        assertEquals("items[0].box", badBox.field(), badBox.raw());
        Problem badUser = expectProblem(saveLook("{\"userId\": \"a b\", \"items\": [{\"itemId\": \"red-top-women\"}]}",
                photo));
        assertEquals("userId", badUser.field(), badUser.raw());
        Problem notJson = expectProblem(saveLook("{\"items\": ", photo));
        assertEquals("malformed-json", notJson.code(), notJson.raw());
        assertEquals("look", notJson.field());
        Problem noLook = expectProblem(HttpRequest.GET("/v1/looks/nothing-here"));
        assertEquals(404, noLook.status(), noLook.raw());
        assertEquals("unknown-look", noLook.code());
        assertEquals(0, count("MATCH (p:Photo) WHERE p.id <> 'street-look-1' RETURN count(p)", Map.of()));
    }
}
