package io.stylegraph.api.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.RawClient;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 4, 6 and 10: NUL bytes, control characters, invalid UTF-8, out-of-range timestamps and lenient JSON
 * used to reach PostgreSQL, the file system and the text encoder (500s) or be accepted; each is now a 400 problem
 * naming its field.
 */
@MicronautTest(transactional = false)
class InputHardeningTest extends ApiTestSupport {
    private static final String USER = "hardening-ann";

    /** Uploads (look photos) go to a temporary folder, not the working tree. */
    @Override
    public Map<String, String> getProperties() {
        return withTemporaryUploads(super.getProperties());
    }

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    private RawClient raw;
    private String admin;

    @BeforeAll
    void setUp() {
        resetCatalogue(2);
        raw = new RawClient(server.getURI());
        admin = issuer.issue("hardening-admin", List.of(Roles.ADMIN), Duration.ofHours(1)).token();
    }

    private RawClient.Answer json(String method, String path, String body) {
        return raw.sendBytes(method, path, admin, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> problem(RawClient.Answer answer, int status, String code, String field) {
        assertEquals(status, answer.status(), answer.method() + " " + answer.path() + ": " + answer.body());
        String type = answer.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/problem+json"), type + " " + answer.body());
        Map<String, Object> body = readMap(answer.body());
        assertEquals(code, body.get("code"), answer.body());
        assertEquals(field, body.get("field"), answer.body());
        return body;
    }

    private long events(String user) {
        return transactions.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM feedback_event WHERE user_id = ?")) {
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

    @Test
    void shouldRefuseANulByteInPathVariables() {
        problem(raw.sendBytes("DELETE", "/v1/users/u/feedback/%00", admin, null, null), 400, "invalid-field",
                "targetId");
        problem(raw.get("/v1/tryon/%00/image", admin), 400, "invalid-field", "jobId");
        problem(raw.get("/v1/tryon/%00", admin), 400, "invalid-field", "jobId");
    }

    @Test
    void shouldRefuseControlCharactersAndInvalidUtf8InTheSearchQuery() {
        for (String q : List.of("%00", "%01%02%1b%7f", "%ED%A0%80", "%C0%AF", "red%00dress")) {
            problem(raw.get("/v1/search?q=" + q, admin), 400, "invalid-field", "q");
        }
    }

    @Test
    void shouldRefuseANulByteInAClientEventIdAndKeepNothing() {
        String user = USER + "-nul";
        problem(json("POST", "/v1/users/" + user + "/feedback",
                "{\"itemId\":\"top-0\",\"signal\":\"like\",\"clientEventId\":\"a\\u0000b\"}"), 400, "invalid-field",
                "clientEventId");
        assertEquals(0, events(user));
    }

    @Test
    void shouldRefuseTimestampsOutsideASaneRange() {
        String user = USER + "-at";
        for (String at : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2200-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z")) {
            problem(json("POST", "/v1/users/" + user + "/feedback",
                    "{\"itemId\":\"top-0\",\"signal\":\"like\",\"at\":\"" + at + "\"}"), 400, "invalid-field", "at");
        }
        assertEquals(0, events(user));
    }

    @Test
    void shouldRefuseInvalidUtf8InAMultipartTextPart() {
        byte[] body = RawClient.multipartBytes("image", "image/png", HardeningFixtures.png(),
                "text", null, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xaf});
        problem(raw.sendBytes("POST", "/v1/search/image", admin, RawClient.multipartType(), body), 400,
                "invalid-field", "text");
    }

    @Test
    void shouldRefuseANulByteInAnImportedDatasetName() {
        problem(json("POST", "/v1/imports", "{\"dataset\":\"hm\\u0000\"}"), 400, "invalid-field", "dataset");
    }

    @Test
    void shouldRefuseTrailingGarbageAndConcatenatedDocuments() {
        String like = "{\"itemId\":\"top-0\",\"signal\":\"like\"}";
        String path = "/v1/users/" + USER + "-trailing/feedback";
        problem(json("POST", path, like + " garbage"), 400, "malformed-json", null);
        problem(json("POST", path, like + like), 400, "malformed-json", null);
        problem(json("POST", path, like + "\n" + like), 400, "malformed-json", null);
        assertEquals(0, events(USER + "-trailing"));
    }

    @Test
    void shouldNotUnwrapArraysOrCoerceScalars() {
        String path = "/v1/users/" + USER + "/feedback";
        problem(json("POST", path, "{\"itemId\":\"top-0\",\"signal\":[\"like\"]}"), 400, "malformed-json", "signal");
        problem(json("POST", path, "{\"itemId\":[\"top-0\"],\"signal\":\"like\"}"), 400, "malformed-json", "itemId");
        problem(json("POST", path, "{\"itemId\":\"top-0\",\"signal\":\"like\",\"clientEventId\":5}"), 400,
                "malformed-json", "clientEventId");
        problem(json("POST", path, "{\"itemId\":\"top-0\",\"signal\":\"like\",\"at\":-1}"), 400, "malformed-json",
                "at");
        problem(json("POST", "/v1/analytics/cypher", "{\"query\":\"RETURN 1\",\"maxRows\":\"5\"}"), 400,
                "malformed-json", "maxRows");
        assertEquals(0, events(USER));
        assertEquals(202, json("POST", path, "{\"itemId\":\"top-0\",\"signal\":\"like\"}").status());
    }

    @Test
    void shouldRefuseFlagsThatAreNeitherTrueNorFalse() {
        problem(raw.get("/v1/search?q=red&aqe=yes", admin), 400, "invalid-value", "aqe");
        problem(raw.get("/v1/search?q=red&dba=1", admin), 400, "invalid-value", "dba");
        problem(raw.get("/v1/items/top-0/similar?aqe=maybe", admin), 400, "invalid-value", "aqe");
    }

    @Test
    void shouldRefuseLookIdsMadeOfDots() {
        for (String id : List.of(".", "..", "...")) {
            byte[] body = RawClient.multipartBytes(
                    "look", null, ("{\"photoId\":\"" + id + "\",\"items\":[{\"itemId\":\"top-0\"}]}")
                            .getBytes(StandardCharsets.UTF_8),
                    "image", "image/png", HardeningFixtures.png());
            problem(raw.sendBytes("POST", "/v1/looks", admin, RawClient.multipartType(), body), 400, "invalid-field",
                    "photoId");
        }
    }

    @Test
    void shouldNotEchoALongIdWhole() {
        String id = "x".repeat(2000);
        Map<String, Object> body = problem(raw.get("/v1/items/" + id, admin), 404, "unknown-item", "itemId");
        String detail = (String) body.get("detail");
        assertTrue(detail.length() < 200 && detail.contains("…"), detail);
        byte[] part = RawClient.multipartBytes("look", null, ("{\"items\":[{\"itemId\":\"" + "y".repeat(3000)
                + "\"}]}").getBytes(StandardCharsets.UTF_8), "image", "image/png", HardeningFixtures.png());
        Map<String, Object> look = problem(raw.sendBytes("POST", "/v1/looks", admin, RawClient.multipartType(), part),
                400, "unknown-item", "items[0].itemId");
        assertTrue(((String) look.get("detail")).length() < 200, (String) look.get("detail"));
    }
}
