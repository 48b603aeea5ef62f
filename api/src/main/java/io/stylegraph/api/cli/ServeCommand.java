package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.stylegraph.api.Application;
import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.graph.neo4j.BoltLogin;
import io.stylegraph.graph.neo4j.EmbeddedUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the service. Without NEO4J_URI / JDBC_URL it starts embedded Neo4j (Bolt on 127.0.0.1) "
                + "and PostgreSQL under --data-dir, and on first start imports the catalogue."})
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

    @Override
    public Integer call() throws Exception {
        EmbeddedInfrastructure embedded = infrastructure.start(true);
        Map<String, Object> properties = new HashMap<>(embedded.properties());
        properties.put("micronaut.server.port", port);
        properties.put("stylegraph.datasets-dir", infrastructure.datasetsDirectory.toString());
        properties.put("stylegraph.training.artifact-dir", infrastructure.dataDirectory.resolve("models").toString());
        properties.put("stylegraph.search.image-dir", infrastructure.dataDirectory.resolve("uploads").toString());
        Path startupCatalog = resolveCatalog();
        if (startupCatalog != null) {
            properties.put("stylegraph.catalog.path", startupCatalog.toString());
        }
        ApplicationContext context;
        try {
            // Not Micronaut.run: its own shutdown hook would race ours (and deadlock stopping the server twice), and
            // the embedded stores must close only after the context has stopped using them.
            context = ApplicationContext.builder().mainClass(Application.class).properties(properties).start();
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::stop);
            if (context.isRunning()) {
                context.close();
            }
            embedded.close();
            stopped.countDown();
        }, "stylegraph-shutdown"));
        LOG.info("Stylegraph ready on http://localhost:{} (OpenAPI at /swagger/, health at /health){}", port,
                embedded.neo4j() == null ? "" : "; Neo4j Bolt at " + embedded.neo4j().boltUri());
        if (embedded.neo4j() != null) {
            BoltLogin analyst = embedded.neo4j().analystLogin();
            LOG.info("Analysts: Bolt at {}, user {}, password {} (read-only; kept in {}); docs/analysts.md",
                    embedded.neo4j().boltUri(), analyst.username(), analyst.password(),
                    embedded.neo4j().homeDirectory().resolve(EmbeddedUsers.FILE_NAME));
        }
        stopped.await();
        return 0;
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
