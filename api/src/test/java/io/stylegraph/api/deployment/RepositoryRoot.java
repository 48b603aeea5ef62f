package io.stylegraph.api.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: the first folder upwards holding {@code docker/compose.yml} and {@code api/}. */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path find() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("docker/compose.yml")) && Files.isDirectory(folder.resolve("api"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
