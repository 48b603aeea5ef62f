package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the public datasets are: {@code STYLEGRAPH_DATASETS_DIR}, else {@code ../shared/data} seen from the repository root.
 * Tests that need a dataset are skipped, saying so, when it is not there.
 */
final class SharedData {
    private SharedData() {
    }

    static Path dataset(String name) {
        String configured = System.getenv("STYLEGRAPH_DATASETS_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Path folder = root.resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(folder), "dataset " + name + " not found at " + folder
                + " (set STYLEGRAPH_DATASETS_DIR to the folder holding the shared datasets); skipping");
        return folder;
    }
}
