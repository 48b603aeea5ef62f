package io.stylegraph.api.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;
import io.stylegraph.api.tryon.TryOnFixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's data on request, end to end: likes, a saved look and a try-on are in the export; after
 * {@code DELETE /v1/users/{userId}} none of it is left in PostgreSQL, the graph or the upload folder, another user's
 * data is untouched, and a new like by the same id starts a fresh user.
 */
@MicronautTest(transactional = false)
class UserDataApiTest extends ApiTestSupport {
    private static final Path IMAGES = TryOnFixtures.temporaryFolder("user-data");
    private static final String USER = "erase-me";
    private static final String OTHER = "keep-me";

    /** Uploads (look photos) go to a temporary folder, not the working tree. */
    @Override
    public Map<String, String> getProperties() {
        return withTemporaryUploads(super.getProperties());
    }

    @Inject
    TokenIssuer issuer;

    private String app;

    @BeforeAll
    void catalogue() {
        TryOnFixtures.catalogue(graph, IMAGES);
        catalogue.reload();
        app = issuer.issue(USER, List.of(Roles.APP), Duration.ofHours(1)).token();
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().exchange(request.bearerAuth(token), String.class);
    }

    private void feedback(String user, String token, String item, String signal) {
        assertEquals(202, send(HttpRequest.POST("/v1/users/" + user + "/feedback",
                "{\"itemId\": \"" + item + "\", \"signal\": \"" + signal + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), token).code());
    }

    private long rows(String sql, String user) {
        return transactions.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(sql)) {
                statement.setString(1, user);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> document, String key) {
        return (List<Map<String, Object>>) document.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldExportThenEraseEverythingAndStartAfreshOnTheNextLike() throws Exception {
        String other = issuer.issue(OTHER, List.of(Roles.APP), Duration.ofHours(1)).token();
        feedback(USER, app, "tee", "like");
        feedback(USER, app, "jeans", "like");
        feedback(USER, app, "gown", "dislike");
        feedback(OTHER, other, "tee", "like");
        MultipartBody look = MultipartBody.builder()
                .addPart("look", "{\"photoId\": \"erase-me-look\", \"userId\": \"" + USER
                        + "\", \"items\": [{\"itemId\": \"tee\"}, {\"itemId\": \"jeans\"}]}")
                .addPart("image", "look.png", MediaType.IMAGE_PNG_TYPE,
                        TryOnFixtures.png(TryOnFixtures.person(80, 120)))
                .build();
        assertEquals(201, client.toBlocking().exchange(HttpRequest.POST("/v1/looks", look)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), String.class).code());
        String photo = (String) graph.read(tx -> tx.run("MATCH (p:Photo {id: 'erase-me-look'}) RETURN p.image")
                .single().get(0).asString());
        assertTrue(Files.isRegularFile(Path.of(photo)));
        String job = (String) readMap(send(TryOnFixtures.submit(TryOnFixtures.png(TryOnFixtures.person(80, 120)),
                "tee", null, null, null), app).body()).get("jobId");

        Map<String, Object> export = readMap(send(HttpRequest.GET("/v1/users/" + USER + "/export"), app).body());

        assertEquals(USER, export.get("userId"));
        assertEquals(List.of("like", "like", "dislike"), list(export, "feedbackEvents").stream()
                .map(e -> e.get("signal")).toList());
        assertEquals(Set.of("LIKED tee", "LIKED jeans", "DISLIKED gown"), list(export, "graphRelationships").stream()
                .map(r -> r.get("type") + " " + r.get("targetId")).collect(Collectors.toSet()));
        assertEquals(USER, ((Map<String, Object>) export.get("graphUser")).get("id"));
        assertEquals(List.of("erase-me-look"), list(export, "looks").stream().map(l -> l.get("photoId")).toList());
        assertEquals(List.of("jeans", "tee"), list(export, "looks").get(0).get("itemIds"));
        assertEquals(List.of(job), list(export, "tryOnJobs").stream().map(j -> j.get("jobId")).toList());
        assertFalse((Boolean) ((Map<String, Object>) export.get("servedModel")).get("hasTrainedRow"));

        Map<String, Object> erased = readMap(send(HttpRequest.DELETE("/v1/users/" + USER), app).body());

        assertEquals(3, ((Number) erased.get("feedbackEvents")).intValue(), erased.toString());
        assertEquals(1, ((Number) erased.get("looks")).intValue(), erased.toString());
        assertEquals(1, ((Number) erased.get("tryOnJobs")).intValue(), erased.toString());
        assertEquals(Boolean.TRUE, erased.get("graphUser"), erased.toString());
        assertEquals(0, rows("SELECT count(*) FROM feedback_event WHERE user_id = ?", USER));
        assertEquals(0, rows("SELECT count(*) FROM tryon_job WHERE user_id = ?", USER));
        assertEquals(0, count("MATCH (u:User {id: $id}) RETURN count(u)", Map.of("id", USER)));
        assertEquals(0, count("MATCH (p:Photo {userId: $id}) RETURN count(p)", Map.of("id", USER)));
        assertFalse(Files.exists(Path.of(photo)), "the look's photo file is deleted");
        assertEquals(404, expectProblem(HttpRequest.GET("/v1/tryon/" + job)).status());
        Map<String, Object> empty = readMap(send(HttpRequest.GET("/v1/users/" + USER + "/export"), app).body());
        assertEquals(List.of(), empty.get("feedbackEvents"));
        assertEquals(List.of(), empty.get("graphRelationships"));
        assertEquals(List.of(), empty.get("looks"));
        assertEquals(List.of(), empty.get("tryOnJobs"));
        assertNull(empty.get("graphUser"));
        assertEquals(1, rows("SELECT count(*) FROM feedback_event WHERE user_id = ?", OTHER), "others are untouched");
        assertEquals(1, count("MATCH (:User {id: $id})-[:LIKED]->(:Item {id: 'tee'}) RETURN count(*)",
                Map.of("id", OTHER)));

        feedback(USER, app, "sneaker", "like");

        Map<String, Object> fresh = readMap(send(HttpRequest.GET("/v1/users/" + USER + "/feedback"), app).body());
        assertEquals(1, ((Number) fresh.get("total")).intValue(), fresh.toString());
        assertEquals(Set.of("LIKED sneaker"), list(readMap(send(HttpRequest.GET("/v1/users/" + USER + "/export"), app)
                .body()), "graphRelationships").stream().map(r -> r.get("type") + " " + r.get("targetId"))
                .collect(Collectors.toSet()));
    }
}
