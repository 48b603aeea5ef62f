package io.stylegraph.training.outfit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the public datasets are: {@code STYLEGRAPH_DATASETS_DIR}, else {@code ../shared/data} seen from the repository root
 * (tests run in {@code training/}). A test that needs one is skipped, saying so, when it is not there.
 */
final class SharedDataset {
    private SharedDataset() {
    }

    static Path folder(String name) {
        String configured = System.getenv("STYLEGRAPH_DATASETS_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Path folder = root.resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(folder), "skipped: dataset " + name + " not found at " + folder
                + " (set STYLEGRAPH_DATASETS_DIR to the folder holding the shared datasets)");
        return folder;
    }
}
