package io.stylegraph.api.cli;

import java.nio.file.Path;

import io.stylegraph.api.infra.EmbeddedInfrastructure;
import picocli.CommandLine.Option;

/** Where data lives, shared by the commands that touch the stores. External servers come from the environment. */
public class InfrastructureOptions {
    @Option(names = "--data-dir", defaultValue = "${STYLEGRAPH_DATA_DIR:-data}",
            description = "Directory of the embedded Neo4j and PostgreSQL stores (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--bolt-port", defaultValue = "${STYLEGRAPH_BOLT_PORT:-7687}",
            description = "Port of the embedded Neo4j's Bolt connector on 127.0.0.1 (0 = any free port; default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "Folder holding the public datasets by name (default: ${DEFAULT-VALUE}).")
    Path datasetsDirectory;

    static boolean externalNeo4j() {
        return isSet(System.getenv("NEO4J_URI"));
    }

    static boolean externalPostgres() {
        return isSet(System.getenv("JDBC_URL"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Starts the embedded stores that no environment variable replaces; PostgreSQL stops by itself at JVM exit. */
    EmbeddedInfrastructure start(boolean withPostgres) {
        return start(withPostgres, true);
    }

    /**
     * @param postgresStopsWithJvm false when the caller's shutdown hook closes the stores itself, after the work that
     *                             needs them ({@link EmbeddedInfrastructure#startPostgres(boolean)})
     */
    EmbeddedInfrastructure start(boolean withPostgres, boolean postgresStopsWithJvm) {
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(dataDirectory);
        if (!externalNeo4j()) {
            infrastructure.startNeo4j("127.0.0.1", boltPort);
        }
        if (withPostgres && !externalPostgres()) {
            infrastructure.startPostgres(postgresStopsWithJvm);
        }
        return infrastructure;
    }
}
