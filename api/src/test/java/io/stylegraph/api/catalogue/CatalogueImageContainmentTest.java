package io.stylegraph.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.RawClient;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pictures named by an imported catalogue stay inside its folder: a canary file outside it is never served, whether
 * the catalogue names it by an absolute path, by {@code ..}, or through a symbolic link, and remote pictures are
 * redirected only to allowed hosts.
 */
@MicronautTest(transactional = false)
class CatalogueImageContainmentTest extends ApiTestSupport {
    private static final String CANARY = "canary: a file outside every catalogue folder";
    private static final byte[] PICTURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private Path canary;
    private Path folder;
    private Map<String, Object> job;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.images.remote-hosts", "images.example.com");
        return properties;
    }

    @BeforeAll
    void importACatalogueThatReachesOut() throws IOException, InterruptedException {
        resetCatalogue(0);
        Path outside = Files.createTempDirectory("outside-the-catalogue");
        canary = Files.writeString(outside.resolve("canary.jpg"), CANARY);
        folder = Files.createTempDirectory("catalogue-with-pictures");
        Path images = Files.createDirectories(folder.resolve("images"));
        Files.write(images.resolve("own.jpg"), PICTURE);
        Files.write(images.resolve("swapped.jpg"), PICTURE);
        Files.createSymbolicLink(images.resolve("link.jpg"), canary);
        String climb = folder.relativize(canary).toString();
        Files.writeString(folder.resolve("items.jsonl"), String.join("\n",
                item("c-own", "images/own.jpg"),
                item("c-absolute", canary.toString()),
                item("c-climb", climb),
                item("c-link", "images/link.jpg"),
                item("c-swapped", "images/swapped.jpg"),
                item("c-remote", "https://attacker.example/pixel.jpg"),
                item("c-allowed", "https://images.example.com/c-allowed.jpg")) + "\n");
        job = runImport();
    }

    private static String item(String id, String image) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + id + "\", \"slot\": \"top\", \"image\": \""
                + image.replace("\\", "\\\\") + "\"}";
    }

    private Map<String, Object> runImport() throws InterruptedException {
        HttpResponse<String> accepted = postJson("/v1/imports", "{\"path\": \"" + folder + "\"}");
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        String location = accepted.getHeaders().get("Location");
        for (int attempt = 0; attempt < 200; attempt++) {
            Map<String, Object> status = getJson(location);
            if ("done".equals(status.get("status")) || "failed".equals(status.get("status"))) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    private RawClient.Answer picture(String itemId) {
        String token = issuer.issue("shopper", List.of("app"), Duration.ofHours(1)).token();
        return new RawClient(server.getURI()).get("/v1/items/" + itemId + "/image", token);
    }

    @Test
    void shouldRejectRowsWhosePictureLeavesTheCatalogueFolderWithFileLineAndReason() {
        String errors = (String) job.get("errors");

        assertEquals("done", job.get("status"), job.toString());
        assertEquals(3, ((Number) job.get("rejected")).intValue(), errors);
        assertTrue(errors.contains("items.jsonl:2") && errors.contains("absolute"), errors);
        assertTrue(errors.contains("items.jsonl:3") && errors.contains("inside the catalogue folder"), errors);
        assertTrue(errors.contains("items.jsonl:4") && errors.contains("link"), errors);
        assertEquals(0, count("MATCH (i:Item) WHERE i.id IN ['c-absolute', 'c-climb', 'c-link'] RETURN count(i)",
                Map.of()));
    }

    @Test
    void shouldServeAPictureInsideTheCatalogueFolder() {
        RawClient.Answer own = picture("c-own");

        assertEquals(200, own.status(), own.body());
        assertEquals("image/jpeg", own.header("Content-Type"));
    }

    @Test
    void shouldNotServeAFileOutsideTheFolderThatTheGraphPointsAt() throws IOException {
        graph.run("CREATE (:Item {id: 'c-written', title: 'written by hand', "
                + "slot: 'top', image: $image})", Map.of("image", canary.toString()));
        catalogue.reload();

        RawClient.Answer written = picture("c-written");

        assertEquals(404, written.status(), written.body());
        assertTrue(written.body().contains("image-not-available"), written.body());
        assertFalse(written.body().contains("canary"), written.body());
    }

    @Test
    void shouldNotServeAPictureReplacedByALinkOutOfTheFolderAfterTheImport() throws IOException {
        Path swapped = folder.resolve("images").resolve("swapped.jpg");
        Files.delete(swapped);
        Files.createSymbolicLink(swapped, canary);

        RawClient.Answer answer = picture("c-swapped");

        assertEquals(404, answer.status(), answer.body());
        assertTrue(answer.body().contains("image-not-available"), answer.body());
        assertFalse(answer.body().contains("canary:"), answer.body());
    }

    @Test
    void shouldRedirectOnlyToAllowedHosts() {
        RawClient.Answer remote = picture("c-remote");
        RawClient.Answer allowed = picture("c-allowed");

        assertEquals(404, remote.status(), remote.body());
        assertTrue(remote.body().contains("image-not-available"), remote.body());
        assertEquals(null, remote.header("Location"));
        assertEquals(303, allowed.status(), allowed.body());
        assertEquals("https://images.example.com/c-allowed.jpg", allowed.header("Location"));
    }
}
