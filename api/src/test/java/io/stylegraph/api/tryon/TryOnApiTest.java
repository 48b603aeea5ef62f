package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TryOnApiTest extends ApiTestSupport {
    private static final Path IMAGES = TryOnFixtures.temporaryFolder("tryon-products");
    private static final int MAX_BYTES = 300_000;
    private static final int MAX_PIXELS = 1_000_000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.models.max-image-bytes", String.valueOf(MAX_BYTES));
        properties.put("stylegraph.models.max-image-pixels", String.valueOf(MAX_PIXELS));
        properties.put("stylegraph.tryon.poll-interval", "200ms");
        return properties;
    }

    @BeforeAll
    void catalogue() {
        TryOnFixtures.catalogue(graph, IMAGES);
        catalogue.reload();
    }

    private Map<String, Object> awaitFinished(String jobId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Map<String, Object> job = getJson("/v1/tryon/" + jobId);
            if (List.of("done", "failed", "cancelled").contains(job.get("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("try-on " + jobId + " did not finish");
    }

    private String accepted(HttpRequest<?> request) {
        HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        String jobId = (String) readMap(response.body()).get("jobId");
        assertNotNull(jobId);
        assertEquals("/v1/tryon/" + jobId, response.getHeaders().get("Location"));
        return jobId;
    }

    private BufferedImage picture(String jobId) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/v1/tryon/" + jobId + "/image"),
                byte[].class);
        assertEquals("image/png", response.getContentType().orElseThrow().toString());
        return TryOnFixtures.decode(response.body());
    }

    @Test
    void shouldRenderATryOnInTheBoxAndServeThePicture() throws InterruptedException {
        BufferedImage person = TryOnFixtures.person(200, 300);
        String jobId = accepted(TryOnFixtures.submit(TryOnFixtures.png(person), "tee", "[50, 60, 150, 160]", null,
                "shopper-1"));

        Map<String, Object> job = awaitFinished(jobId);
        assertEquals("done", job.get("status"), job.toString());
        assertEquals("tee", job.get("itemId"));
        assertEquals("shopper-1", job.get("userId"));
        assertEquals("warp", job.get("engine"));
        assertEquals("box", job.get("placement"));
        assertEquals(1, job.get("attempts"));
        assertEquals("/v1/tryon/" + jobId + "/image", job.get("image"));
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) job.get("timings");
        assertNotNull(timings.get("renderMs"));
        assertNotNull(timings.get("totalMs"));

        BufferedImage result = picture(jobId);
        assertEquals(200, result.getWidth());
        assertEquals(300, result.getHeight());
        long changedInside = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 200; x++) {
                boolean inside = x >= 50 && x < 150 && y >= 60 && y < 160;
                boolean changed = (result.getRGB(x, y) & 0xFFFFFF) != (person.getRGB(x, y) & 0xFFFFFF);
                assertFalse(changed && !inside, "pixel " + x + "," + y + " outside the box changed");
                changedInside += changed ? 1 : 0;
            }
        }
        assertTrue(changedInside > 5000, "the garment covers most of the box: " + changedInside);
        assertEquals(TryOnFixtures.SHIRT, result.getRGB(100, 80) & 0xFFFFFF);
    }

    @Test
    void shouldFitTrousersToKeypointsAndADressToTheEstimatedBody() throws InterruptedException {
        byte[] person = TryOnFixtures.png(TryOnFixtures.person(200, 300));
        String keypoints = "{\"leftHip\":[120,150],\"rightHip\":[80,150],\"leftAnkle\":[118,285],"
                + "\"rightAnkle\":[82,285]}";
        // a JSON part holding null, as the generated Kotlin client sends a box or keypoints given no value, is not given
        String trousers = accepted(TryOnFixtures.submit(person, "jeans", "null", keypoints, null));
        String dress = accepted(TryOnFixtures.submit(person, "gown", "null", " null ", null));

        Map<String, Object> trousersJob = awaitFinished(trousers);
        Map<String, Object> dressJob = awaitFinished(dress);
        assertEquals("done", trousersJob.get("status"), trousersJob.toString());
        assertEquals("keypoints", trousersJob.get("placement"));
        assertEquals("done", dressJob.get("status"), dressJob.toString());
        assertEquals("body-proportions", dressJob.get("placement"));
        BufferedImage legs = picture(trousers);
        assertEquals(TryOnFixtures.SHIRT, legs.getRGB(100, 200) & 0xFFFFFF, "garment between the legs' keypoints");
        assertEquals(TryOnFixtures.person(200, 300).getRGB(100, 20), legs.getRGB(100, 20), "head untouched");
    }

    @Test
    void shouldDressARealStreetPhotoInARealProduct() throws IOException, InterruptedException {
        Path data = Path.of(System.getenv().getOrDefault("STYLEGRAPH_DATASETS_DIR", "../../shared/data"));
        Path photo = data.resolve("clothing-co-parsing/photos/0002.jpg").toAbsolutePath().normalize();
        Path product = data.resolve("hm/images/0490793010.jpg").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(photo) && Files.isRegularFile(product), "clothing-co-parsing or hm not found "
                + "under " + data.toAbsolutePath().normalize() + " (set STYLEGRAPH_DATASETS_DIR); skipping");
        new GraphImporter(graph).importFrom(new CatalogueSource() {
            @Override
            public String name() {
                return "tryon-test-hm";
            }

            @Override
            public void read(ImportSink sink) {
                sink.item(new Item("hm-0490793010", "T-shirt", null, "T-shirt", Slot.TOP, null, null, Map.of(),
                        product.toString(), "tryon-test-hm"));
            }
        });
        catalogue.reload();
        byte[] bytes = Files.readAllBytes(photo);
        BufferedImage person = TryOnFixtures.decode(bytes);
        MultipartBody body = MultipartBody.builder()
                .addPart("person", "street.jpg", MediaType.IMAGE_JPEG_TYPE, bytes)
                .addPart("itemId", "hm-0490793010").addPart("box", "[110, 111, 254, 308]").build();
        String jobId = accepted(HttpRequest.POST("/v1/tryon", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));

        assertEquals("done", awaitFinished(jobId).get("status"));
        BufferedImage result = picture(jobId);
        assertEquals(person.getWidth(), result.getWidth());
        assertEquals(person.getHeight(), result.getHeight());
        // the service decodes the JPEG with the same library, so outside the box the pixels are the photo's own
        assertEquals(person.getRGB(10, 10), result.getRGB(10, 10));
        assertEquals(person.getRGB(300, 500), result.getRGB(300, 500));
    }

    @Test
    void shouldDeleteAllTryOnDataOfAUser() throws InterruptedException {
        byte[] person = TryOnFixtures.png(TryOnFixtures.person(100, 150));
        String first = accepted(TryOnFixtures.submit(person, "tee", null, null, "leaving-user"));
        String second = accepted(TryOnFixtures.submit(person, "gown", null, null, null).header("X-User-Id",
                "leaving-user"));
        String other = accepted(TryOnFixtures.submit(person, "tee", null, null, "staying-user"));
        awaitFinished(first);
        awaitFinished(second);
        awaitFinished(other);

        HttpResponse<String> deleted = client.toBlocking().exchange(HttpRequest.DELETE("/v1/users/leaving-user/tryon"),
                String.class);
        assertEquals(2, readMap(deleted.body()).get("deletedJobs"));
        for (String gone : List.of(first, second)) {
            Problem problem = expectProblem(HttpRequest.GET("/v1/tryon/" + gone + "/image"));
            assertEquals(404, problem.status());
            assertEquals("unknown-tryon", problem.code());
        }
        assertEquals("done", getJson("/v1/tryon/" + other).get("status"));
    }

    @Test
    void shouldAnswerBadSubmissionsWithProblems() {
        byte[] person = TryOnFixtures.png(TryOnFixtures.person(100, 150));
        assertProblem(TryOnFixtures.submit(person, "nothing-like-this", null, null, null), 404, "unknown-item", "itemId");
        assertProblem(TryOnFixtures.submit(person, "bare", null, null, null), 422, "no-image", "itemId");
        assertProblem(TryOnFixtures.submit(person, "sneaker", null, null, null), 422, "item-not-wearable", "itemId");
        assertProblem(TryOnFixtures.submit("just text".getBytes(StandardCharsets.UTF_8), "tee", null, null, null), 415,
                "image-unsupported-format", "person");
        assertProblem(TryOnFixtures.submit(TryOnFixtures.png(TryOnFixtures.person(1001, 1000)), "tee", null, null,
                null), 413, "image-too-many-pixels", "person");
        assertProblem(TryOnFixtures.submit(noise(400, 400), "tee", null, null, null), 413, "image-too-large",
                "person");
        assertProblem(TryOnFixtures.submit(person, "tee", "[1, 2, 3", null, null), 400, "invalid-box", "box");
        assertProblem(TryOnFixtures.submit(person, "tee", "[10, 10, 500, 60]", null, null), 400, "invalid-box", "box");
        assertProblem(TryOnFixtures.submit(person, "tee", "{\"x0\": \"left\"}", null, null), 400, "invalid-box", "box");
        assertProblem(TryOnFixtures.submit(person, "tee", null, "not json", null), 400, "invalid-keypoints",
                "keypoints");
        assertProblem(TryOnFixtures.submit(person, "tee", null, "{\"leftHip\": [10, 20]}", null), 400,
                "invalid-keypoints", "keypoints");
        assertProblem(TryOnFixtures.submit(person, "tee", null, "{\"leftShoulder\": [10, 2000]}", null), 400,
                "invalid-keypoints", "keypoints");
        assertProblem(TryOnFixtures.submit(person, "tee", null, null, "not a user id!"), 400, "invalid-field",
                "userId");
        assertProblem(TryOnFixtures.submit(null, "tee", null, null, null), 400, "missing-parameter", "person");
        assertProblem(HttpRequest.GET("/v1/tryon/no-such-job"), 404, "unknown-tryon", "jobId");
        assertProblem(HttpRequest.DELETE("/v1/tryon/no-such-job"), 404, "unknown-tryon", "jobId");
    }

    private void assertProblem(HttpRequest<?> request, int status, String code, String field) {
        Problem problem = expectProblem(request);
        assertEquals(status, problem.status(), problem.raw());
        assertEquals(code, problem.code(), problem.raw());
        assertEquals(field, problem.field(), problem.raw());
        assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
    }

    /** A PNG of random pixels, which compresses badly: {@code width * height * 3} bytes and more. */
    private static byte[] noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        byte[] png = TryOnFixtures.png(image);
        if (png.length <= MAX_BYTES) {
            throw new UncheckedIOException(new IOException("noise PNG too small for the test: " + png.length));
        }
        return png;
    }
}
