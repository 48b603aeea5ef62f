package io.stylegraph.graph.imports.sources;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finding a dataset's files, with an error that names what is missing and where it was looked for. */
final class DatasetFiles {
    private DatasetFiles() {
    }

    static Path require(Path folder, String name) throws FileNotFoundException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("Expected " + name + " in " + folder.toAbsolutePath());
        }
        return file;
    }

    /** The first of several accepted spellings that exists (e.g. items.jsonl, items.csv, items.csv.gz), or null. */
    static Path firstExisting(Path folder, String... names) {
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
