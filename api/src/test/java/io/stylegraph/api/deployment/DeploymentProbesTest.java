package io.stylegraph.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a probe, health check or scraper of the deployment files requests answers 200 on the running app. */
@MicronautTest(transactional = false)
class DeploymentProbesTest extends ApiTestSupport {

    /** The probes of {@code files} the app does not answer with 200, with what it answered instead. */
    private List<String> unanswered(DeploymentFiles files) {
        List<String> problems = new ArrayList<>();
        for (DeploymentFiles.Probe probe : files.probes()) {
            try {
                int status = client.toBlocking().exchange(HttpRequest.GET(probe.path()), String.class).code();
                if (status != 200) {
                    problems.add(probe.where() + ": GET " + probe.path() + " answered " + status);
                }
            } catch (HttpClientResponseException e) {
                problems.add(probe.where() + ": GET " + probe.path() + " answered " + e.getStatus().getCode());
            }
        }
        return problems;
    }

    @Test
    void shouldAnswerEveryProbeOfTheDeploymentFiles() {
        Path root = RepositoryRoot.find();
        DeploymentFiles files = DeploymentFiles.read(root.resolve("docker"), root);

        assertFalse(files.probes().isEmpty());
        assertEquals(List.of(), unanswered(files));
    }

    @Test
    void shouldTellAProbeOfAPathTheAppDoesNotServe(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docker"));
        Files.writeString(root.resolve("docker/Dockerfile"), """
                FROM eclipse-temurin:17-jre
                HEALTHCHECK CMD curl -f http://localhost:8080/healthz || exit 1
                """);

        List<String> problems = unanswered(DeploymentFiles.read(root.resolve("docker"), root));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("GET /healthz answered 404"), problems.get(0));
    }
}
