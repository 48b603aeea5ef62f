package io.stylegraph.api.imports;

import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.feedback.UserOpinions;
import io.stylegraph.api.search.EmbeddingJob;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.imports.RowError;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs catalogue imports one at a time, records each as an {@link ImportJob}, refreshes the served catalogue, and
 * queues the embedding of new or changed items.
 */
@Singleton
public class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final int ERRORS_KEPT = 50;

    private final GraphImporter importer;
    private final ImportJobRepository jobs;
    private final CatalogueCache catalogue;
    private final EmbeddingJob embeddings;
    private final ExecutorService executor;
    private final UserOpinions opinions;

    public ImportService(GraphImporter importer, ImportJobRepository jobs, CatalogueCache catalogue,
                         EmbeddingJob embeddings, @Named("imports") ExecutorService executor, UserOpinions opinions) {
        this.importer = importer;
        this.jobs = jobs;
        this.catalogue = catalogue;
        this.embeddings = embeddings;
        this.executor = executor;
        this.opinions = opinions;
    }

    /** Queues the import and returns its job at once. */
    public ImportJob submit(CatalogueLocator.Located located) {
        ImportJob job = jobs.save(ImportJob.queued(located.name(), located.path().toString()));
        executor.submit(() -> run(job, located));
        return job;
    }

    /** Imports now, in the calling thread. */
    public ImportJob runNow(CatalogueLocator.Located located) {
        return run(jobs.save(ImportJob.queued(located.name(), located.path().toString())), located);
    }

    public boolean alreadyImported(CatalogueLocator.Located located) {
        return jobs.existsBySourceAndPathAndStatus(located.name(), located.path().toString(), "done");
    }

    private ImportJob run(ImportJob queued, CatalogueLocator.Located located) {
        ImportJob running = jobs.update(queued.running());
        LOG.info("Import {} started: {} from {}", running.id(), located.name(), located.path());
        try (CatalogueCache.Importing ignored = catalogue.importing()) {
            ImportReport report = importer.importFrom(located.source());
            String errors = report.errors().stream().limit(ERRORS_KEPT).map(RowError::toString)
                    .collect(Collectors.joining("\n"));
            // the served catalogue is fresh before the job says done, so a client polling the job can read at once
            catalogue.reload();
            opinions.invalidateAll(); // imported interactions are opinions too
            ImportJob done = jobs.update(running.done(report, errors.isEmpty() ? null : errors));
            embeddings.requestRun();
            LOG.info("Import {} done: {}", done.id(), report.summary());
            report.errors().stream().limit(10).forEach(error -> LOG.warn("Import {} skipped {}", done.id(), error));
            return done;
        } catch (Exception e) {
            LOG.error("Import {} failed: {}", running.id(), e.getMessage());
            return jobs.update(running.failed(e.getMessage()));
        }
    }
}
