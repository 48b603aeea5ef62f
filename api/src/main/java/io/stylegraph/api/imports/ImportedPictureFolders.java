package io.stylegraph.api.imports;

import java.nio.file.Path;
import java.util.List;

import io.stylegraph.api.catalogue.PictureFolders;
import jakarta.inject.Singleton;

/** The picture folders of imports: the datasets folder, and every folder an import was asked to read. */
@Singleton
public class ImportedPictureFolders implements PictureFolders {
    private final ImportJobRepository jobs;
    private final CatalogueLocator locator;

    public ImportedPictureFolders(ImportJobRepository jobs, CatalogueLocator locator) {
        this.jobs = jobs;
        this.locator = locator;
    }

    @Override
    public List<Path> fixed() {
        return List.of(locator.datasetsDirectory());
    }

    @Override
    public List<String> added() {
        return jobs.importedFolders();
    }
}
