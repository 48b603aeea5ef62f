package io.stylegraph.api.recommendations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.job.AnnScoring;
import io.stylegraph.training.job.ServableModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the active recommender in memory. A newly promoted version is loaded completely before it replaces the old
 * one in a single reference swap, so requests in flight finish on the old model and none fails during the switch.
 * Promotions in this process arrive at once; those of other processes (the trainer, another replica) are found by
 * polling the registry every {@code stylegraph.training.active-poll-interval}.
 * <p>
 * A model of more than {@code stylegraph.recommendations.ann-threshold} items gets its item embedding graph
 * ({@link AnnScoring}) in the background, one model at a time: loaded from {@value AnnScoring#FILE} in its artifact
 * folder when saved there over the same items, else built and saved there. The exact scan answers until it is ready;
 * a graph whose model is no longer served when it is ready is dropped with it.
 */
@Singleton
public class ServedModelHolder {
    public static final String KIND = "recommender";
    private static final Logger LOG = LoggerFactory.getLogger(ServedModelHolder.class);

    private final ModelRegistry registry;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    /** The last version whose load failed, so a missing artifact is reported once, not at every poll. */
    private volatile Long failedVersion;
    private final HnswSettings annSettings;
    private final int annThreads;
    /**
     * Whether this process serves recommendations; false in a process that only trains ({@code ./stylegraph train}),
     * which loaded every model it promoted (the walk table, the embeddings) and built its item graph beside the run
     * for nobody.
     */
    private final boolean load;
    private final ExecutorService annBuilder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "recommendation-graph");
        thread.setDaemon(true);
        return thread;
    });

    public ServedModelHolder(ModelRegistry registry,
                             @Value("${stylegraph.recommendations.ann-threshold:100000}") int annThreshold,
                             @Value("${stylegraph.recommendations.ann-m:16}") int annM,
                             @Value("${stylegraph.recommendations.ann-ef-construction:50}") int annEfConstruction,
                             @Value("${stylegraph.recommendations.ann-ef:800}") int annEf,
                             @Value("${stylegraph.recommendations.ann-build-threads:1}") int annThreads,
                             @Value("${stylegraph.recommendations.load:true}") boolean load) {
        if (annThreshold < 0 || annThreads < 1) {
            throw new IllegalArgumentException("stylegraph.recommendations.ann-threshold must be >= 0 and "
                    + "ann-build-threads >= 1");
        }
        this.registry = registry;
        this.annSettings = new HnswSettings(annThreshold, annM, annEfConstruction, annEf);
        this.annThreads = annThreads;
        this.load = load;
        if (load) {
            registry.onActivation(this::load);
        } else {
            LOG.info("No recommender is loaded: this process serves no recommendations "
                    + "(stylegraph.recommendations.load=false)");
        }
    }

    /** The item graph's settings: threshold, M and efConstruction of a build, ef of a search. */
    public HnswSettings annSettings() {
        return annSettings;
    }

    @PreDestroy
    void close() {
        annBuilder.shutdownNow();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!load) {
            return;
        }
        try {
            registry.active(KIND).ifPresent(this::load);
        } catch (RuntimeException e) {
            LOG.warn("No recommender loaded at startup: {}", e.getMessage());
        }
    }

    public Optional<ServedModel> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Loads the registry's active version when it is not the one served (promoted or rolled back elsewhere), and
     * stops serving when the registry has no active version any more (retired elsewhere).
     */
    @Scheduled(fixedDelay = "${stylegraph.training.active-poll-interval:30s}",
            initialDelay = "${stylegraph.training.active-poll-interval:30s}")
    public void followRegistry() {
        if (!load) {
            return;
        }
        Optional<ModelVersion> active;
        try {
            active = registry.active(KIND);
        } catch (RuntimeException e) {
            LOG.debug("Active model check skipped: {}", e.getMessage());
            return;
        }
        if (active.isEmpty()) {
            ServedModel dropped = current.getAndSet(null);
            if (dropped != null) {
                LOG.info("Recommender version {} is no longer active in the registry; serving none", dropped.version());
            }
            return;
        }
        active.filter(version -> !isServed(version.id())).ifPresent(version -> {
            LOG.info("Recommender version {} was promoted by another process; loading it", version.id());
            load(version);
        });
    }

    private boolean isServed(long version) {
        ServedModel served = current.get();
        return served != null && served.version() == version;
    }

    /** Loads or builds the served model's item graph and serves from it, unless the model was replaced meanwhile. */
    private void attachGraph(ServedModel served) {
        if (current.get() != served) {
            return;
        }
        try {
            long start = System.nanoTime();
            AnnScoring ann = AnnScoring.loadOrBuild(served.model(), annSettings, annThreads);
            served.useAnn(ann);
            LOG.info("Recommender version {} ranks from its item graph ({} items, ready in {} s)", served.version(),
                    ann.index().size(), (System.nanoTime() - start) / 1_000_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Item graph of recommender version {} failed; the exact scan keeps answering: {}",
                    served.version(), e.toString());
        }
    }

    private synchronized void load(ModelVersion version) {
        if (!KIND.equals(version.kind()) || isServed(version.id())) {
            return;
        }
        try {
            ServableModel model = ServableModel.read(Path.of(version.artifactPath()));
            ServedModel served = new ServedModel(version.id(), model);
            current.set(served);
            failedVersion = null;
            if (model.numItems() > annSettings.threshold()) {
                annBuilder.execute(() -> attachGraph(served));
            }
            LOG.info("Serving recommender version {} ({} users, {} items, dimension {})", version.id(),
                    model.userIds().size(), model.numItems(), model.dimension());
        } catch (IOException | RuntimeException e) {
            // every replica must see the artifact directory (docker/README.md: the shared models volume)
            boolean reported = version.id().equals(failedVersion);
            failedVersion = version.id();
            String message = "Recommender version {} could not be loaded from {}; still serving version {}: {}";
            Object[] arguments = {version.id(), version.artifactPath(),
                    current().map(ServedModel::version).orElse(null), e.getMessage()};
            if (reported) {
                LOG.debug(message, arguments);
            } else {
                LOG.error(message, arguments);
            }
        }
    }
}
