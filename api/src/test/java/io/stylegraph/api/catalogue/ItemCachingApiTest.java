package io.stylegraph.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.TokenIssuer;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportSink;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a phone on a slow network relies on: item JSON and item pictures carry entity tags and answer 304 to a
 * matching {@code If-None-Match}, pictures come as thumbnails on request, and large JSON answers come gzip-compressed
 * to a client that accepts it.
 */
@MicronautTest(transactional = false)
class ItemCachingApiTest extends ApiTestSupport {
    private static final Path PICTURES = temporaryFolder();

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("item-caching-pictures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.images.local-roots", PICTURES.toString());
        return properties;
    }

    @BeforeAll
    void catalogueWithPictures() throws IOException {
        clearGraph();
        Path large = picture("large.png", 600, 800, false);
        Path small = picture("small.png", 120, 90, false);
        Path clear = picture("clear.png", 1024, 512, true);
        new GraphImporter(graph).importFrom(new CatalogueSource() {
            @Override
            public String name() {
                return "caching-test";
            }

            @Override
            public void read(ImportSink sink) {
                sink.item(item("cached-large", large));
                sink.item(item("cached-small", small));
                sink.item(item("cached-clear", clear));
                for (int i = 0; i < 30; i++) {
                    sink.item(new Item("filler-" + i, "A long enough title for filler item number " + i,
                            "A description that makes the list of items a few kilobytes long, item " + i,
                            "Shirts", Slot.TOP, Gender.WOMEN, "Blue", Map.of("fabric", "cotton"), null, "caching-test"));
                }
            }
        });
        catalogue.reload();
        token = issuer.issue("phone-shopper", List.of("app"), Duration.ofHours(1)).token();
    }

    private static Item item(String id, Path image) {
        return new Item(id, "Item " + id, null, "Shirts", Slot.TOP, Gender.WOMEN, "Red", Map.of(), image.toString(),
                "caching-test");
    }

    private static Path picture(String name, int width, int height, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(transparent ? new Color(0, 0, 0, 0) : Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = PICTURES.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void shouldTagAnItemAndAnswerNotModifiedWhileItIsUnchanged() throws Exception {
        HttpResponse<byte[]> first = get("/v1/items/cached-large");
        String tag = first.headers().firstValue("ETag").orElse(null);

        assertEquals(200, first.statusCode());
        assertNotNull(tag, "an item carries an ETag");
        assertTrue(tag.startsWith("W/\""), tag);
        assertEquals("private, no-cache", first.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<byte[]> again = get("/v1/items/cached-large", "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(tag, again.headers().firstValue("ETag").orElse(null));
        assertEquals(304, get("/v1/items/cached-large", "If-None-Match", "\"other\", " + tag).statusCode());
        assertEquals(200, get("/v1/items/cached-large", "If-None-Match", "W/\"other\"").statusCode());

        // a like changes the item (its like count), so the old tag no longer matches
        graph.run("MERGE (u:User {id: 'etag-fan'}) WITH u MATCH (i:Item {id: 'cached-large'}) MERGE (u)-[:LIKED]->(i)",
                Map.of());
        catalogue.reload();
        HttpResponse<byte[]> changed = get("/v1/items/cached-large", "If-None-Match", tag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(tag, changed.headers().firstValue("ETag").orElse(null));
        assertTrue(new String(changed.body()).contains("\"likes\":1"), new String(changed.body()));
    }

    @Test
    void shouldServeAThumbnailBoundedTo256PixelsAndTheFullPictureAsStored() throws Exception {
        HttpResponse<byte[]> full = get("/v1/items/cached-large/image?size=full");
        HttpResponse<byte[]> thumb = get("/v1/items/cached-large/image?size=thumb");

        assertEquals(200, full.statusCode());
        assertArrayEquals(Files.readAllBytes(PICTURES.resolve("large.png")), full.body());
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElse(null));
        BufferedImage scaled = decode(thumb.body());
        assertEquals(256, scaled.getHeight(), "the longest side is 256 px");
        assertEquals(192, scaled.getWidth(), "the 3:4 shape is kept");
        assertTrue(thumb.body().length < full.body().length);
        assertEquals(new Color(255, 255, 255).getRGB(), scaled.getRGB(5, 5), "corner stays white");
        Color middle = new Color(scaled.getRGB(96, 128));
        assertTrue(middle.getRed() > 200 && middle.getGreen() < 60, "the red square is in the middle: " + middle);
        assertArrayEquals(Files.readAllBytes(PICTURES.resolve("large.png")),
                get("/v1/items/cached-large/image").body(), "no size is the full picture");
    }

    @Test
    void shouldKeepTransparencyAndLeaveSmallPicturesAsTheyAre() throws Exception {
        HttpResponse<byte[]> clear = get("/v1/items/cached-clear/image?size=thumb");
        BufferedImage scaled = decode(clear.body());
        assertEquals("image/png", clear.headers().firstValue("Content-Type").orElse(null));
        assertEquals(256, scaled.getWidth());
        assertEquals(128, scaled.getHeight());
        assertEquals(0, scaled.getRGB(2, 2) >>> 24, "the transparent corner stays transparent");

        HttpResponse<byte[]> small = get("/v1/items/cached-small/image?size=thumb");
        assertEquals(200, small.statusCode());
        assertArrayEquals(Files.readAllBytes(PICTURES.resolve("small.png")), small.body());
    }

    @Test
    void shouldTagEachPictureSizeAndAnswerNotModified() throws Exception {
        HttpResponse<byte[]> full = get("/v1/items/cached-large/image");
        HttpResponse<byte[]> thumb = get("/v1/items/cached-large/image?size=thumb");
        String fullTag = full.headers().firstValue("ETag").orElseThrow();
        String thumbTag = thumb.headers().firstValue("ETag").orElseThrow();

        assertNotEquals(fullTag, thumbTag);
        assertTrue(fullTag.startsWith("\""), "pictures carry strong tags: " + fullTag);
        assertEquals("private, max-age=3600", thumb.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<byte[]> fullAgain = get("/v1/items/cached-large/image", "If-None-Match", fullTag);
        assertEquals(304, fullAgain.statusCode());
        assertEquals(0, fullAgain.body().length);
        HttpResponse<byte[]> thumbAgain = get("/v1/items/cached-large/image?size=thumb", "If-None-Match", thumbTag);
        assertEquals(304, thumbAgain.statusCode());
        assertEquals(0, thumbAgain.body().length);
        assertEquals(200, get("/v1/items/cached-large/image?size=thumb", "If-None-Match", fullTag).statusCode(),
                "the full picture's tag is not the thumbnail's");
    }

    @Test
    void shouldRejectAnUnknownPictureSizeNamingTheParameter() throws Exception {
        HttpResponse<byte[]> answer = get("/v1/items/cached-large/image?size=huge");
        Map<String, Object> problem = readMap(new String(answer.body()));

        assertEquals(400, answer.statusCode());
        assertEquals("invalid-field", problem.get("code"));
        assertEquals("size", problem.get("field"));
    }

    @Test
    void shouldCompressALargeJsonAnswerForAClientThatAcceptsGzip() throws Exception {
        HttpResponse<byte[]> compressed = get("/v1/items?size=100", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> plain = get("/v1/items?size=100");

        assertEquals(200, compressed.statusCode());
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(null));
        byte[] unpacked;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            unpacked = in.readAllBytes();
        }
        assertArrayEquals(plain.body(), unpacked, "the same JSON once unpacked");
        assertTrue(plain.body().length > 4096, "a list of a few kilobytes: " + plain.body().length);
        assertTrue(compressed.body().length * 3 < plain.body().length,
                compressed.body().length + " compressed bytes of " + plain.body().length);
        assertNull(plain.headers().firstValue("Content-Encoding").orElse(null), "no gzip unless asked for");
        assertEquals(33, ((Number) readMap(new String(unpacked)).get("total")).intValue());
    }
}
