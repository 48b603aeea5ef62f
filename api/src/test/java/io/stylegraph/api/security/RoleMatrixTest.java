package io.stylegraph.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.training.TrainingRunRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the running application against every kind of caller. The routes come from the application's
 * {@link Router}: a route without a row below fails the test, so no endpoint can be added without saying who may call
 * it. docs/security.md holds the same table.
 *
 * <p>Cells: {@code yes} admitted; {@code no} refused (401 without a valid token, 403 with one); {@code own} an app
 * token is admitted for its own user only: the {@code {userId}} in the path (another user's is 403
 * {@code forbidden-user}, probed here), or the user a try-on job belongs to (another user's job is 404, probed in
 * TryOnOwnershipTest). The anonymous column also covers a token with a bad signature and an expired token. A row
 * whose route ends in {@code /**} covers every route under it (for routes other engineers add later).
 */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.demo.enabled", value = "true")
class RoleMatrixTest extends ApiTestSupport {
    static final String MATRIX = """
            | route                                        | anonymous | app | analyst | trainer | admin |
            |----------------------------------------------|-----------|-----|---------|---------|-------|
            | GET /                                        | yes       | yes | yes     | yes     | yes   |
            | GET /health                                  | yes       | yes | yes     | yes     | yes   |
            | GET /health/{selector}                       | yes       | yes | yes     | yes     | yes   |
            | GET /prometheus/**                           | yes       | yes | yes     | yes     | yes   |
            | POST /v1/demo/sessions                       | yes       | yes | yes     | yes     | yes   |
            | GET /v1/items                                | no        | yes | yes     | yes     | yes   |
            | GET /v1/items/{itemId}                       | no        | yes | yes     | yes     | yes   |
            | GET /v1/items/{itemId}/image                 | no        | yes | yes     | yes     | yes   |
            | GET /v1/items/{itemId}/similar               | no        | yes | yes     | yes     | yes   |
            | GET /v1/items/{itemId}/looks                 | no        | yes | yes     | yes     | yes   |
            | GET /v1/looks/{photoId}                      | no        | yes | yes     | yes     | yes   |
            | GET /v1/looks/{photoId}/image                | no        | yes | yes     | yes     | yes   |
            | GET /v1/search                               | no        | yes | yes     | yes     | yes   |
            | GET /v1/search/status                        | no        | yes | yes     | yes     | yes   |
            | GET /v1/outfits/status                       | no        | yes | yes     | yes     | yes   |
            | POST /v1/search/image                        | no        | yes | yes     | no      | yes   |
            | POST /v1/shop-the-look                       | no        | yes | yes     | no      | yes   |
            | POST /v1/outfits/complete                    | no        | yes | yes     | no      | yes   |
            | POST /v1/outfits/score                       | no        | yes | yes     | no      | yes   |
            | GET /v1/users/{userId}/feed                  | no        | own | yes     | no      | yes   |
            | GET /v1/users/{userId}/feedback              | no        | own | yes     | no      | yes   |
            | POST /v1/users/{userId}/feedback             | no        | own | no      | no      | yes   |
            | DELETE /v1/users/{userId}/feedback/{targetId}| no        | own | no      | no      | yes   |
            | GET /v1/users/{userId}/recommendations       | no        | own | yes     | no      | yes   |
            | GET /v1/users/{userId}/outfits               | no        | own | yes     | no      | yes   |
            | DELETE /v1/users/{userId}/tryon              | no        | own | no      | no      | yes   |
            | GET /v1/users/{userId}/export                | no        | own | no      | no      | yes   |
            | DELETE /v1/users/{userId}                    | no        | own | no      | no      | yes   |
            | POST /v1/tryon                               | no        | own | no      | no      | yes   |
            | GET /v1/tryon/{jobId}                        | no        | own | yes     | no      | yes   |
            | GET /v1/tryon/{jobId}/image                  | no        | own | yes     | no      | yes   |
            | DELETE /v1/tryon/{jobId}                     | no        | own | no      | no      | yes   |
            | POST /v1/items                               | no        | no  | no      | no      | yes   |
            | POST /v1/looks                               | no        | no  | no      | no      | yes   |
            | POST /v1/imports                             | no        | no  | no      | no      | yes   |
            | GET /v1/imports                              | no        | no  | yes     | no      | yes   |
            | GET /v1/imports/{id}                         | no        | no  | yes     | no      | yes   |
            | POST /v1/training/runs                       | no        | no  | no      | yes     | yes   |
            | GET /v1/training/runs                        | no        | no  | yes     | yes     | yes   |
            | GET /v1/training/runs/{id}                   | no        | no  | yes     | yes     | yes   |
            | GET /v1/models                               | no        | no  | yes     | yes     | yes   |
            | GET /v1/models/{id}                          | no        | no  | yes     | yes     | yes   |
            | POST /v1/models/{id}/promote                 | no        | no  | no      | yes     | yes   |
            | POST /v1/analytics/cypher                    | no        | no  | yes     | no      | yes   |
            | GET /v1/analytics/co-liked-pairs             | no        | no  | yes     | no      | yes   |
            | GET /v1/analytics/category-pairs             | no        | no  | yes     | no      | yes   |
            | GET /v1/analytics/category-opinions          | no        | no  | yes     | no      | yes   |
            | GET /v1/analytics/recommendation-coverage    | no        | no  | yes     | no      | yes   |
            | GET /v1/analytics/items/{itemId}/neighbourhood | no      | no  | yes     | no      | yes   |
            """;

    private static final String ME = "matrix-alice";
    private static final String SOMEONE_ELSE = "matrix-bob";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)[^}]*}");

    @Inject
    Router router;

    @Inject
    EmbeddedServer server;

    @Inject
    TokenIssuer issuer;

    @Inject
    TrainingRunRepository trainingRuns;

    @Inject
    TransactionOperations<Connection> transactions;

    private RawClient raw;
    private TestTokens tokens;

    record Row(String method, String route, String anonymous, Map<String, String> roles) {
        /** HEAD routes are the GET routes' methods answered without a body: the GET row covers them. */
        boolean matches(String routeMethod, String template) {
            if (!method.equals("HEAD".equals(routeMethod) ? "GET" : routeMethod)) {
                return false;
            }
            if (route.endsWith("/**")) {
                String prefix = route.substring(0, route.length() - 3);
                return template.equals(prefix) || template.startsWith(prefix + "/");
            }
            return route.equals(template);
        }

        String key() {
            return method + " " + route;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = MATRIX.lines().map(String::strip).filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            String[] route = cells.get(0).split(" ", 2);
            Map<String, String> roles = new LinkedHashMap<>();
            for (int i = 2; i < header.size(); i++) {
                roles.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(route[0], route[1], cells.get(1), roles));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.lastIndexOf('|'));
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** "GET /v1/items/{itemId}" for every route the application serves. */
    private Set<String> servedRoutes() {
        return router.uriRoutes().map(route -> route.getHttpMethodName() + " " + template(route))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String template(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        int query = template.indexOf("{?");
        return query < 0 ? template : template.substring(0, query);
    }

    @BeforeAll
    void clients() {
        raw = new RawClient(server.getURI());
        tokens = new TestTokens(issuer);
    }

    /** Starting a real training run is not what this test is about: a queued run makes every admitted start a 409. */
    @BeforeAll
    void holdTheTrainingSlot() {
        holdTrainingSlot();
    }

    @AfterAll
    void releaseTheTrainingSlot() {
        trainingRuns.failUnfinished("held by RoleMatrixTest");
    }

    @Test
    void shouldHaveARowForEveryRouteAndARouteForEveryRow() {
        List<Row> rows = rows();
        List<String> problems = new ArrayList<>();
        for (String served : servedRoutes()) {
            String[] parts = served.split(" ", 2);
            if (rows.stream().noneMatch(row -> row.matches(parts[0], parts[1]))) {
                problems.add("no row in the role matrix for " + served);
            }
        }
        for (Row row : rows) {
            if (!row.route().endsWith("/**") && !servedRoutes().contains(row.key())) {
                problems.add("the role matrix has a row for " + row.key() + ", which the application does not serve");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\nserved routes:\n"
                + String.join("\n", servedRoutes()));
    }

    @Test
    void shouldAdmitAndRefuseEveryCallerAsTheMatrixSays() {
        List<Row> rows = rows();
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (String served : servedRoutes()) {
            String[] parts = served.split(" ", 2);
            Row row = rows.stream().filter(r -> r.matches(parts[0], parts[1])).findFirst().orElse(null);
            if (row == null) {
                continue;
            }
            String method = parts[0];
            String mine = path(parts[1], ME);
            boolean multipart = consumesMultipart(method, parts[1]);
            boolean open = "yes".equals(row.anonymous());
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("no token", null);
            callers.put("bad signature", TestTokens.foreign(ME, Roles.ADMIN));
            callers.put("expired", tokens.expired(ME, Roles.ADMIN));
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                probes++;
                check(failures, row, caller.getKey(), call(method, mine, caller.getValue(), multipart),
                        open ? "yes" : "unauthorized");
            }
            probes++;
            check(failures, row, "unknown role", call(method, mine, tokens.of(ME, "guest"), multipart),
                    open ? "yes" : "no");
            for (Map.Entry<String, String> role : row.roles().entrySet()) {
                String token = tokens.of(ME, role.getKey());
                String expected = "own".equals(role.getValue()) ? "yes" : role.getValue();
                probes++;
                check(failures, row, role.getKey(), call(method, mine, token, multipart), expected);
                if (parts[1].contains("{userId}")) {
                    String theirs = path(parts[1], SOMEONE_ELSE);
                    String expectedForOther = "own".equals(role.getValue()) ? "forbidden-user" : role.getValue();
                    probes++;
                    check(failures, row, role.getKey() + " for another user", call(method, theirs, token, multipart),
                            expectedForOther);
                }
            }
        }
        assertTrue(probes > 200, "only " + probes + " probes");
        assertTrue(failures.isEmpty(), failures.size() + " of " + probes + " probes disagree with the matrix:\n"
                + String.join("\n", failures));
    }

    @Test
    void shouldDocumentTheSameMatrixInDocsSecurityMd() throws IOException {
        Path doc = Path.of("..", "docs", "security.md");
        List<String> documented = Files.readAllLines(doc).stream().map(RoleMatrixTest::normalize).toList();
        List<String> missing = MATRIX.lines().map(RoleMatrixTest::normalize).filter(line -> !line.isEmpty())
                .filter(line -> !documented.contains(line)).toList();
        assertEquals(List.of(), missing, "rows of RoleMatrixTest.MATRIX missing from docs/security.md");
    }

    private static String normalize(String line) {
        return line.strip().replaceAll("\\s*\\|\\s*", "|").replaceAll("-{3,}", "---");
    }

    private boolean consumesMultipart(String method, String template) {
        return router.uriRoutes().filter(r -> r.getHttpMethodName().equals(method) && template(r).equals(template))
                .anyMatch(r -> r.explicitlyConsumes(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** The template with {userId} set to {@code user} and every other variable set to a value that names nothing. */
    private static String path(String template, String user) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "userId" -> user;
                case "id" -> "987654321";
                default -> "matrix-no-such-" + name.toLowerCase();
            };
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /**
     * One request that the endpoint, once admitted, refuses or answers without changing anything that matters: no
     * body or an empty one (400), ids that name nothing (404), a held training slot (409).
     */
    private RawClient.Answer call(String method, String path, String token, boolean multipart) {
        return switch (method) {
            case "POST", "PUT", "PATCH" -> multipart
                    ? raw.send(method, path, token, RawClient.multipartType(), RawClient.multipart("note", "x"))
                    : raw.send(method, path, token, "application/json", "{}");
            default -> raw.send(method, path, token, null, null);
        };
    }

    private void check(List<String> failures, Row row, String caller, RawClient.Answer answer, String expected) {
        if (answer.method().equals("HEAD") && !"yes".equals(expected)) {
            // no body to read: the status must still be the refusal's
            expected = "unauthorized".equals(expected) ? "401" : "403";
        }
        String problem = switch (expected) {
            case "yes" -> answer.status() == 401 || answer.status() == 403 ? "refused" : null;
            case "unauthorized" -> denial(answer, 401, "unauthorized");
            case "no" -> denial(answer, 403, "forbidden");
            case "forbidden-user" -> denial(answer, 403, "forbidden-user");
            case "401", "403" -> answer.status() == Integer.parseInt(expected) ? null : "status";
            default -> "unknown cell '" + expected + "'";
        };
        if (problem != null) {
            failures.add(answer.method() + " " + answer.path() + " (" + row.key() + ") as " + caller + ": expected " + expected + ", got " + answer.status() + " "
                    + answer.body().substring(0, Math.min(200, answer.body().length())) + " (" + problem + ")");
        }
    }

    private static String denial(RawClient.Answer answer, int status, String code) {
        if (answer.status() != status) {
            return "status";
        }
        String contentType = answer.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "not problem JSON: " + contentType;
        }
        if (!answer.body().contains("\"code\":\"" + code + "\"")) {
            return "code";
        }
        if ("forbidden-user".equals(code) && !answer.body().contains("\"field\":\"userId\"")) {
            return "field";
        }
        return null;
    }
}
