package io.stylegraph.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files under docker/ against the application they deploy, and the check itself against broken files. */
class DeploymentFilesTest {
    private static final Path ROOT = RepositoryRoot.find();

    private static DeploymentCheck check(Path root) {
        return new DeploymentCheck(DeploymentFiles.read(root.resolve("docker"), root), AppConfiguration.of(ROOT));
    }

    @Test
    void shouldFindTheDeploymentFilesConsistentWithTheApp() {
        DeploymentFiles files = DeploymentFiles.read(ROOT.resolve("docker"), ROOT);

        assertEquals(List.of(), new DeploymentCheck(files, AppConfiguration.of(ROOT)).problems());

        Set<String> containers = files.containers().stream().map(DeploymentFiles.AppContainer::where)
                .collect(Collectors.toSet());
        assertEquals(Set.of("docker/compose.yml service api", "docker/compose.yml service trainer",
                "docker/k8s/api-deployment.yaml Deployment stylegraph-api container api",
                "docker/k8s/trainer-cronjob.yaml CronJob stylegraph-trainer container trainer"), containers);
        assertTrue(files.containers().stream().allMatch(c -> c.environment().containsKey("NEO4J_URI")
                && c.environment().containsKey("JDBC_PASSWORD")), "every app container reaches the external stores");
        assertEquals(Set.of("/health/liveness", "/health/readiness", "/prometheus"),
                files.probes().stream().map(DeploymentFiles.Probe::path).collect(Collectors.toSet()));
        assertEquals(1, files.services().size());
        assertEquals(1, files.kustomizations().size());
    }

    @Test
    void shouldMapEnvironmentVariablesOntoKeysTheWayMicronautDoes() {
        AppConfiguration app = AppConfiguration.of(ROOT);

        assertTrue(AppConfiguration.micronautKeys("STYLEGRAPH_NEO4J_URI").containsAll(
                List.of("stylegraph.neo4j.uri", "stylegraph-neo4j.uri", "stylegraph.neo4j-uri")));
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_NEO4J_URI"), "@ConfigurationProperties");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_TRAINING_MAX_EPOCHS"), "kebab-case property");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_OPINIONS_CACHE_SIZE"), "@Value with an application.yml key");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_RECOMMENDATIONS_FOLD_IN_WEIGHT"), "@Value placeholder only");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_TRAINING_CRON"), "@Requires(property)");
        assertTrue(app.readsEnvironmentVariable("NEO4J_URI"), "application.yml placeholder");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_DATA_DIR"), "command line option default");
        assertTrue(app.readsEnvironmentVariable("STYLEGRAPH_LOG_FORMAT"), "logback.xml");
        assertTrue(app.readsEnvironmentVariable("MICRONAUT_SERVER_MAX_REQUEST_SIZE"), "Micronaut's own metadata");
        assertTrue(app.readsEnvironmentVariable("DATASOURCES_DEFAULT_DIALECT"), "a key under datasources.*");
        assertTrue(app.readsEnvironmentVariable("MICRONAUT_METRICS_EXPORT_PROMETHEUS_STEP"), "a key under a map");
        assertFalse(app.readsEnvironmentVariable("STYLEGRAPH_NEO4J_URL"));
        assertFalse(app.readsEnvironmentVariable("STYLEGRAPH_TRAINING_MAX_EPOCH"));
        assertFalse(app.readsEnvironmentVariable("NEO4J_PASS"));
        assertFalse(app.readsProperty("stylegraph.trainng.seed"));
        assertEquals(8080, app.defaultPort());
    }

    @Test
    void shouldListOnlyKeysTheCommandLineReallySets() throws IOException {
        String serve = Files.readString(ROOT.resolve("api/src/main/java/io/stylegraph/api/cli/ServeCommand.java"));

        for (String key : DeploymentCheck.SET_BY_THE_COMMAND_LINE.keySet()) {
            assertTrue(serve.contains("properties.put(\"" + key + "\""), key + " is not set by ServeCommand");
        }
    }

    @Test
    void shouldReportMisspeltKeysAndPortsOfAComposeFile(@TempDir Path root) throws IOException {
        minimalImage(root);
        write(root, "docker/compose.yml", """
                x-env: &env
                  NEO4J_URI: bolt://neo4j:7687
                  STYLEGRAPH_NEO4J_URL: bolt://neo4j:7687
                services:
                  api:
                    build:
                      context: ..
                      dockerfile: docker/Dockerfile
                    environment:
                      <<: *env
                      STYLEGRAPH_JAVA_OPTS: "-Xmx2g -Dstylegraph.trainng.seed=3 -Dstylegraph.training.seed=3 -Djava.io.tmpdir=/tmp"
                      MICRONAUT_SERVER_PORT: "9090"
                    ports:
                      - "80:9090"
                    healthcheck:
                      test: ["CMD-SHELL", "curl -f http://localhost:9090/health"]
                  postgres:
                    image: postgres:16
                    environment:
                      POSTGRES_WHATEVER: "not the app's"
                """);

        List<String> problems = check(root).problems();

        assertProblem(problems, "STYLEGRAPH_NEO4J_URL is not configuration the app reads");
        assertProblem(problems, "-Dstylegraph.trainng.seed is not a configuration key");
        assertProblem(problems, "MICRONAUT_SERVER_PORT has no effect");
        assertProblem(problems, "service api: port 9090 but the app listens on 8080");
        assertProblem(problems, "healthcheck: checks port 9090 but the app listens on 8080");
        assertEquals(5, problems.size(), String.join("\n", problems));
    }

    @Test
    void shouldReportBrokenReferencesOfKubernetesManifests(@TempDir Path root) throws IOException {
        minimalImage(root);
        write(root, "docker/k8s/app.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  NEO4J_URI: bolt://neo4j:7687
                  STYLEGRAPH_SEARCH_EMBED_ON_START: "false"
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: credentials
                stringData:
                  JDBC_PASSWORD: secret
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    metadata:
                      labels:
                        app: api
                    spec:
                      containers:
                        - name: api
                          image: stylegraph-api:1
                          args: ["serve", "--port", "9000"]
                          ports:
                            - name: http
                              containerPort: 8080
                          envFrom:
                            - configMapRef:
                                name: settings
                            - configMapRef:
                                name: missing-settings
                          env:
                            - name: NEO4J_PASSWORD
                              valueFrom:
                                secretKeyRef:
                                  name: credentials
                                  key: NEO4J_PASSWORD
                          readinessProbe:
                            httpGet:
                              path: /health/readiness
                              port: web
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector:
                    app: api
                  ports:
                    - port: 80
                      targetPort: http
                """);

        List<String> problems = check(root).problems();

        assertProblem(problems, "STYLEGRAPH_SEARCH_EMBED_ON_START is not configuration the app reads");
        assertProblem(problems, "ConfigMap missing-settings is not defined");
        assertProblem(problems, "Secret credentials has no key NEO4J_PASSWORD");
        assertProblem(problems, "container api: port 8080 but the app listens on 9000");
        assertProblem(problems, "readinessProbe: port web is not a port of the container");
        assertProblem(problems, "targetPort http is not the port");
        assertEquals(6, problems.size(), String.join("\n", problems));
    }

    @Test
    void shouldReportMissingCopySourcesAndUnparsableYaml(@TempDir Path root) throws IOException {
        write(root, "docker/Dockerfile", """
                FROM maven AS build
                COPY pom.xml ./
                COPY --chmod=0755 docker/bin/start \\
                     /usr/local/bin/start
                COPY --from=build /src/api/target/stylegraph.jar /app/stylegraph.jar
                ENV STYLEGRAPH_DATA_DIR=/var/lib/stylegraph STYLEGRAPH_DATADIR=/data
                EXPOSE 8081
                """);
        write(root, "pom.xml", "<project/>");
        write(root, "docker/k8s/broken.yaml", "kind: Service\nmetadata: {name: [unclosed\n");

        List<String> problems = check(root).problems();

        assertProblem(problems, "COPY source docker/bin/start does not exist");
        assertProblem(problems, "STYLEGRAPH_DATADIR is not configuration the app reads");
        assertProblem(problems, "EXPOSE 8081 but the app listens on 8080");
        assertProblem(problems, "broken.yaml: not valid YAML");
        assertEquals(4, problems.size(), String.join("\n", problems));
    }

    private static void minimalImage(Path root) throws IOException {
        write(root, "docker/Dockerfile", """
                FROM eclipse-temurin:17-jre
                EXPOSE 8080
                ENTRYPOINT ["sh", "-c", "exec java $STYLEGRAPH_JAVA_OPTS -jar /app/stylegraph.jar \\"$@\\"", "stylegraph"]
                """);
    }

    private static void assertProblem(List<String> problems, String part) {
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(part)),
                "no problem says '" + part + "':\n" + String.join("\n", problems));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
