package io.stylegraph.api.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.training.job.ModelArtifact;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the active recommender in memory. A newly promoted version is loaded completely before it replaces the old
 * one in a single reference swap, so requests in flight finish on the old model and none fails during the switch.
 */
@Singleton
public class ServedModelHolder {
    public static final String KIND = "recommender";
    private static final Logger LOG = LoggerFactory.getLogger(ServedModelHolder.class);

    private final ModelRegistry registry;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();

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

    private void load(ModelVersion version) {
        if (!KIND.equals(version.kind())) {
            return;
        }
        try {
            ModelArtifact artifact = ModelArtifact.read(Path.of(version.artifactPath()));
            current.set(new ServedModel(version.id(), artifact));
            LOG.info("Serving recommender version {} ({} users, {} items, dimension {})", version.id(),
                    artifact.userIds().size(), artifact.itemIds().size(), artifact.dimension());
        } catch (IOException | RuntimeException e) {
            LOG.error("Recommender version {} could not be loaded from {}; still serving version {}: {}", version.id(),
                    version.artifactPath(), current().map(ServedModel::version).orElse(null), e.getMessage());
        }
    }
}
