package io.stylegraph.api.recommendations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.training.job.ServableModel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the active recommender in memory. A newly promoted version is loaded completely before it replaces the old
 * one in a single reference swap, so requests in flight finish on the old model and none fails during the switch.
 * Promotions in this process arrive at once; those of other processes (the trainer, another replica) are found by
 * polling the registry every {@code stylegraph.training.active-poll-interval}.
 */
@Singleton
public class ServedModelHolder {
    public static final String KIND = "recommender";
    private static final Logger LOG = LoggerFactory.getLogger(ServedModelHolder.class);

    private final ModelRegistry registry;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    /** The last version whose load failed, so a missing artifact is reported once, not at every poll. */
    private volatile Long failedVersion;

    public ServedModelHolder(ModelRegistry registry) {
        this.registry = registry;
        registry.onActivation(this::load);
    }

    @EventListener
    void onStartup(StartupEvent event) {
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

    private synchronized void load(ModelVersion version) {
        if (!KIND.equals(version.kind()) || isServed(version.id())) {
            return;
        }
        try {
            ServableModel model = ServableModel.read(Path.of(version.artifactPath()));
            current.set(new ServedModel(version.id(), model));
            failedVersion = null;
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
