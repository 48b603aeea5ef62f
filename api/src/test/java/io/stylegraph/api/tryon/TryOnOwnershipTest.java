package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.TokenIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Try-on jobs carry their user in the job, not in the path: an app token sees and cancels only its own user's jobs
 * (another's answers 404 as if absent) and submits only for its own user; analysts read, admins do everything.
 */
@MicronautTest(transactional = false)
class TryOnOwnershipTest extends ApiTestSupport {
    private static final Path IMAGES = TryOnFixtures.temporaryFolder("tryon-ownership");
    private static final byte[] PERSON = TryOnFixtures.png(TryOnFixtures.person(80, 120));

    @Inject
    TokenIssuer issuer;

    @BeforeAll
    void catalogue() {
        TryOnFixtures.catalogue(graph, IMAGES);
        catalogue.reload();
    }

    private String token(String subject, String role) {
        return issuer.issue(subject, List.of(role), Duration.ofHours(1)).token();
    }

    private String submit(MutableHttpRequest<?> request, String token) {
        HttpResponse<String> response = client.toBlocking().exchange(request.bearerAuth(token), String.class);
        assertEquals(202, response.code(), response.body());
        return (String) readMap(response.body()).get("jobId");
    }

    private int status(MutableHttpRequest<?> request, String token) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(token), String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void shouldFileAnAppsTryOnUnderItsOwnUserAndHideItFromOtherApps() {
        String ann = token("own-ann", Roles.APP);
        String bob = token("own-bob", Roles.APP);
        String jobId = submit(TryOnFixtures.submit(PERSON, "tee", null, null, null), ann);

        Map<String, Object> job = readMap(client.toBlocking().retrieve(HttpRequest.GET("/v1/tryon/" + jobId).bearerAuth(ann)));
        assertEquals("own-ann", job.get("userId"), "a job without a userId belongs to the token's subject");

        Problem hidden = expectProblem(HttpRequest.GET("/v1/tryon/" + jobId).bearerAuth(bob));
        assertEquals(404, hidden.status());
        assertEquals("unknown-tryon", hidden.code());
        assertEquals(expectProblem(HttpRequest.GET("/v1/tryon/no-such-job").bearerAuth(bob)).body().get("detail"),
                hidden.body().get("detail").toString().replace(jobId, "no-such-job"),
                "another user's job reads exactly like a missing one");
        assertEquals(404, expectProblem(HttpRequest.GET("/v1/tryon/" + jobId + "/image").bearerAuth(bob)).status());
        assertEquals(404, expectProblem(HttpRequest.DELETE("/v1/tryon/" + jobId).bearerAuth(bob)).status());
        assertEquals(0, ((Number) readMap(client.toBlocking().retrieve(
                HttpRequest.DELETE("/v1/users/own-bob/tryon").bearerAuth(bob))).get("deletedJobs")).intValue());

        assertEquals(200, status(HttpRequest.GET("/v1/tryon/" + jobId), token("analyst-1", Roles.ANALYST)));
        assertEquals(403, status(HttpRequest.DELETE("/v1/tryon/" + jobId), token("analyst-1", Roles.ANALYST)));
        assertEquals(200, status(HttpRequest.GET("/v1/tryon/" + jobId), token("root", Roles.ADMIN)));
        assertEquals(200, status(HttpRequest.GET("/v1/tryon/" + jobId), ann));
    }

    @Test
    void shouldRefuseAnAppSubmittingForAnotherUser() {
        String ann = token("own-ann", Roles.APP);
        Problem inForm = expectProblem(TryOnFixtures.submit(PERSON, "tee", null, null, "own-bob").bearerAuth(ann));
        assertEquals(403, inForm.status());
        assertEquals("forbidden-user", inForm.code());
        assertEquals("userId", inForm.field());

        Problem inHeader = expectProblem(TryOnFixtures.submit(PERSON, "tee", null, null, null)
                .header(TryOnController.USER_HEADER, "own-bob").bearerAuth(ann));
        assertEquals(403, inHeader.status());
        assertEquals("forbidden-user", inHeader.code());
        assertEquals(TryOnController.USER_HEADER, inHeader.field());

        String own = submit(TryOnFixtures.submit(PERSON, "tee", null, null, "own-ann"), ann);
        assertEquals("own-ann", readMap(client.toBlocking().retrieve(HttpRequest.GET("/v1/tryon/" + own)
                .bearerAuth(ann))).get("userId"));
    }

    @Test
    void shouldLetAnAdminActForAnyUserButNotShowThatJobToAnotherApp() {
        String admin = token("root", Roles.ADMIN);
        String forBob = submit(TryOnFixtures.submit(PERSON, "tee", null, null, "own-bob"), admin);
        String forNobody = submit(TryOnFixtures.submit(PERSON, "tee", null, null, null), admin);

        assertEquals(200, status(HttpRequest.GET("/v1/tryon/" + forBob), token("own-bob", Roles.APP)));
        assertEquals(404, status(HttpRequest.GET("/v1/tryon/" + forBob), token("own-ann", Roles.APP)));
        assertEquals(404, status(HttpRequest.GET("/v1/tryon/" + forNobody), token("own-ann", Roles.APP)),
                "a job of no user is not any app's");
        int cancelled = status(HttpRequest.DELETE("/v1/tryon/" + forBob), token("own-bob", Roles.APP));
        assertTrue(cancelled == 200 || cancelled == 409, "bob may cancel his job (409: it already finished), got "
                + cancelled);
    }
}
