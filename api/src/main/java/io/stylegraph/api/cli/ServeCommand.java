package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.runtime.EmbeddedApplication;
import io.stylegraph.api.Application;
import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.api.infra.InProcessGraph;
import io.stylegraph.api.security.DataDirectorySecret;
import io.stylegraph.api.security.DemoConfiguration;
import io.stylegraph.api.security.IssuedToken;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.SigningSecret;
import io.stylegraph.api.security.TokenIssuer;
import io.stylegraph.graph.neo4j.BoltLogin;
import io.stylegraph.graph.neo4j.EmbeddedUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service. Without NEO4J_URI / JDBC_URL it starts embedded Neo4j (Bolt on 127.0.0.1) "
                + "and PostgreSQL under --data-dir, and on first start imports the catalogue.",
                "On the embedded stores it runs in demo mode: without STYLEGRAPH_JWT_SECRET it signs tokens with a "
                + "secret kept in --data-dir/jwt-secret, prints one token per role at start and opens "
                + "POST /v1/demo/sessions. Otherwise a signing key must be configured."})
public class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    InfrastructureOptions infrastructure;

    @Option(names = "--port", defaultValue = "${STYLEGRAPH_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--catalog", description = "Catalogue folder to import on first start: a dataset folder "
            + "(e.g. ../shared/data/hm) or a folder in the generic import format. Default: fashion-products from "
            + "--datasets-dir when present.")
    Path catalog;

    @Option(names = "--no-catalog", description = "Start without importing any catalogue.")
    boolean noCatalog;

    @Option(names = "--no-demo", description = "No demo mode on the embedded stores: no demo secret, printed tokens or "
            + "demo sessions; STYLEGRAPH_JWT_SECRET (or a JWKS) must then be configured, as with external stores.")
    boolean noDemo;

    @Override
    public Integer call() throws Exception {
        boolean demo = !noDemo && !InfrastructureOptions.externalNeo4j() && !InfrastructureOptions.externalPostgres();
        boolean secretConfigured = ConfiguredProperties.read(p -> SigningSecret.configured(p).isPresent());
        Map<String, Object> properties = new HashMap<>();
        if (demo) {
            properties.put(DemoConfiguration.ENABLED, true);
            if (!secretConfigured) {
                properties.put(SigningSecret.PROPERTY, DataDirectorySecret.loadOrCreate(infrastructure.dataDirectory));
            }
        } else {
            Optional<String> keyProblem = ConfiguredProperties.read(SigningSecret::problem);
            if (keyProblem.isPresent()) {
                System.err.println("stylegraph serve: " + keyProblem.get());
                return 2;
            }
        }
        // the shutdown hook below stops the embedded stores, after the service has stopped using them
        EmbeddedInfrastructure embedded = infrastructure.start(true, false);
        AtomicReference<ApplicationContext> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ApplicationContext started = running.get();
            if (started != null) {
                // no scheduled task may start while the beans it needs are being destroyed (it would create them
                // again, the data source and its migrations included, against stores about to stop)
                started.findBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED))
                        .ifPresent(ExecutorService::shutdownNow);
                started.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::stop);
                if (started.isRunning()) {
                    started.close();
                }
            }
            embedded.close();
            stopped.countDown();
        }, "stylegraph-shutdown"));
        properties.putAll(embedded.properties());
        properties.put("micronaut.server.port", port);
        properties.put("stylegraph.datasets-dir", infrastructure.datasetsDirectory.toString());
        properties.put("stylegraph.training.artifact-dir", infrastructure.dataDirectory.resolve("models").toString());
        properties.put("stylegraph.search.image-dir", infrastructure.dataDirectory.resolve("uploads").toString());
        properties.put("stylegraph.search.index-dir", infrastructure.dataDirectory.resolve("indexes").toString());
        Path startupCatalog = resolveCatalog();
        if (startupCatalog != null) {
            properties.put("stylegraph.catalog.path", startupCatalog.toString());
        }
        ApplicationContext context;
        try {
            // Not Micronaut.run: its own shutdown hook would race ours (and deadlock stopping the server twice), and
            // the embedded stores must close only after the context has stopped using them.
            var builder = ApplicationContext.builder().mainClass(Application.class).properties(properties);
            if (embedded.neo4j() != null) {
                builder.singletons(new InProcessGraph(embedded.neo4j().database()));
            }
            context = builder.start();
            running.set(context);
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
        } catch (RuntimeException e) {
            running.set(null);
            embedded.close();
            throw e;
        }
        LOG.info("Stylegraph ready on http://localhost:{} (OpenAPI at /swagger/, health at /health){}", port,
                embedded.neo4j() == null ? "" : "; Neo4j Bolt at " + embedded.neo4j().boltUri());
        if (embedded.neo4j() != null) {
            BoltLogin analyst = embedded.neo4j().analystLogin();
            LOG.info("Analysts: Bolt at {}, user {}, password {} (read-only; kept in {}); docs/analysts.md",
                    embedded.neo4j().boltUri(), analyst.username(), analyst.password(),
                    embedded.neo4j().homeDirectory().resolve(EmbeddedUsers.FILE_NAME));
        }
        if (demo) {
            printDemoTokens(context, secretConfigured ? "STYLEGRAPH_JWT_SECRET"
                    : DataDirectorySecret.file(infrastructure.dataDirectory).toString());
        }
        stopped.await();
        return 0;
    }

    /** One ready-to-use token per role, so the demo can be tried with curl at once. */
    private void printDemoTokens(ApplicationContext context, String secretSource) {
        TokenIssuer issuer = context.getBean(TokenIssuer.class);
        DemoConfiguration demo = context.getBean(DemoConfiguration.class);
        StringBuilder out = new StringBuilder("\nDemo mode: bearer tokens signed with the secret in ").append(secretSource)
                .append(" (valid across restarts until they expire):\n");
        String appToken = null;
        for (String role : Roles.ALL) {
            String subject = Roles.APP.equals(role) ? demo.getUser() : "demo-" + role;
            IssuedToken token = issuer.issue(subject, List.of(role), demo.getTokenTtl());
            appToken = appToken == null ? token.token() : appToken;
            out.append(String.format("  %-8s %s%n           (subject %s, expires %s)%n", role, token.token(), subject,
                    token.expiresAt()));
        }
        out.append("Try: curl -H 'Authorization: Bearer ").append(appToken).append("' localhost:").append(port)
                .append("/v1/users/").append(demo.getUser()).append("/feed\n")
                .append("New demo shoppers: POST /v1/demo/sessions; more tokens: ./stylegraph token --role ROLE [--user ID]\n");
        System.out.println(out);
    }

    private Path resolveCatalog() {
        if (noCatalog) {
            return null;
        }
        if (catalog != null) {
            return catalog.toAbsolutePath().normalize();
        }
        Path fashionProducts = infrastructure.datasetsDirectory.resolve("fashion-products").toAbsolutePath().normalize();
        if (Files.isDirectory(fashionProducts)) {
            return fashionProducts;
        }
        LOG.warn("No --catalog given and no fashion-products dataset at {}: starting with the catalogue in the graph",
                fashionProducts);
        return null;
    }
}
