package io.stylegraph.graph.imports;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import io.stylegraph.graph.imports.sources.GenericFormatReader;

/**
 * A folder in Stylegraph's own import format (docs/import-format.md): {@code items}, {@code outfits}, {@code users}
 * and {@code interactions}, each as {@code .jsonl} or {@code .csv}, optionally gzip-compressed ({@code .gz}). Any of
 * them may be absent, but at least one must be there.
 */
public final class GenericCatalogueSource implements CatalogueSource {
    private final Path folder;
    private final String name;

    public GenericCatalogueSource(Path folder) {
        this(folder, folder.toAbsolutePath().normalize().getFileName() == null ? "catalogue"
                : folder.toAbsolutePath().normalize().getFileName().toString());
    }

    public GenericCatalogueSource(Path folder, String name) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        GenericFormatReader reader = new GenericFormatReader(folder, name);
        if (!reader.hasAnyFile()) {
            throw new FileNotFoundException("No items, outfits, users or interactions file (.jsonl or .csv, "
                    + "optionally .gz) in " + folder.toAbsolutePath());
        }
        reader.read(sink);
    }
}
