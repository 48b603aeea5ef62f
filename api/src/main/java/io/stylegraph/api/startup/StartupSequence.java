package io.stylegraph.api.startup;

import io.stylegraph.api.infra.GraphSchemaInstaller;
import io.stylegraph.api.problem.QueryValues;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.imports.CatalogueLocator;
import io.stylegraph.api.imports.ImportService;
import io.stylegraph.api.search.EmbeddingJob;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the service ready before it takes requests: graph schema, the configured start-up catalogue imported once
 * ({@code stylegraph.catalog.path}, set by {@code stylegraph serve --catalog}), then the catalogue loaded for serving.
 * Item embedding runs in the background (from before the catalogue is loaded when nothing was imported); search
 * answers over what is embedded so far.
 */
@Singleton
public class StartupSequence implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSequence.class);

    private final GraphSchemaInstaller schema;
    private final CatalogueLocator locator;
    private final ImportService imports;
    private final CatalogueCache catalogue;
    private final EmbeddingJob embeddings;
    private final String catalogPath;

    public StartupSequence(GraphSchemaInstaller schema, CatalogueLocator locator, ImportService imports,
                           CatalogueCache catalogue, EmbeddingJob embeddings,
                           @Nullable @Value("${stylegraph.catalog.path:}") String catalogPath) {
        this.schema = schema;
        this.locator = locator;
        this.imports = imports;
        this.catalogue = catalogue;
        this.embeddings = embeddings;
        this.catalogPath = catalogPath;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        boolean graphUp = schema.ensureInstalled();
        boolean imported = false;
        if (graphUp && catalogPath != null && !catalogPath.isBlank()) {
            CatalogueLocator.Located located = locator.locate(null, catalogPath);
            if (imports.alreadyImported(located)) {
                LOG.info("Catalogue {} already imported from {}", located.name(), located.path());
            } else {
                LOG.info("Importing catalogue {} from {} (first start; later starts skip this)", located.name(),
                        located.path());
                imported = "done".equals(imports.runNow(located).status());
            }
        }
        if (!imported) {
            // the embedding run opens the encoders and restores the search indexes meanwhile: on a restart nothing
            // it does waits for the catalogue in memory (a finished import has just loaded it)
            embeddings.onStartup();
            if (catalogue.enabled()) {
                catalogue.reload();
            } else {
                LOG.info("Catalogue not loaded: this process serves no requests (stylegraph.catalogue.load=false)");
            }
        } else {
            embeddings.onStartup();
        }
    }
}
