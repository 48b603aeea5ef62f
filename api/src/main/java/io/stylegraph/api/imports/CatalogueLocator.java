package io.stylegraph.api.imports;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micronaut.context.annotation.Value;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.DatasetSources;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import jakarta.inject.Singleton;

/**
 * Resolves what a user asked to import into a readable source. A folder whose name is a known dataset (e.g.
 * {@code .../fashion-products}) is read with that dataset's adapter; any other folder in the generic format.
 */
@Singleton
public class CatalogueLocator {
    private final Path datasetsDirectory;

    public CatalogueLocator(@Value("${stylegraph.datasets-dir:../shared/data}") String datasetsDirectory) {
        this.datasetsDirectory = Path.of(datasetsDirectory).toAbsolutePath().normalize();
    }

    public record Located(String name, Path path, CatalogueSource source) {
    }

    public Located locate(String dataset, String path) {
        if (dataset == null && path == null) {
            throw ProblemException.badRequest("missing-field", "dataset", "Give a dataset name, a path, or both");
        }
        Path folder = path != null ? Path.of(path).toAbsolutePath().normalize() : datasetsDirectory.resolve(dataset);
        if (!Files.isDirectory(folder)) {
            throw ProblemException.badRequest("path-not-found", path != null ? "path" : "dataset",
                    "No catalogue folder at " + folder);
        }
        String name = dataset != null ? dataset : folder.getFileName().toString();
        if (dataset != null && !DatasetSources.names().contains(dataset)) {
            throw ProblemException.badRequest("unknown-dataset", "dataset",
                    "Unknown dataset " + dataset + "; known: " + String.join(", ", DatasetSources.names()));
        }
        CatalogueSource source = DatasetSources.names().contains(name)
                ? DatasetSources.open(name, folder)
                : new GenericCatalogueSource(folder);
        return new Located(name, folder, source);
    }

    public Path datasetsDirectory() {
        return datasetsDirectory;
    }
}
