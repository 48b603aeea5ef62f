package io.stylegraph.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micronaut.context.annotation.Value;
import io.stylegraph.api.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry: candidates are registered after training, pass or fail the {@link PromotionGate}, and exactly
 * one version per kind is active. Promoting an older (retired) version is the rollback. Listeners hear about every
 * change of the active version, after the transaction that made it has committed.
 */
@Singleton
public class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final ModelVersionRepository versions;
    private final PromotionGate gate;
    private final List<Consumer<ModelVersion>> activationListeners = new CopyOnWriteArrayList<>();

    public ModelRegistry(ModelVersionRepository versions,
                         @Value("${stylegraph.training.promotion-tolerance:0.02}") double tolerance) {
        this.versions = versions;
        this.gate = new PromotionGate(tolerance);
    }

    public void onActivation(Consumer<ModelVersion> listener) {
        activationListeners.add(listener);
    }

    public Optional<ModelVersion> active(String kind) {
        return versions.findByKindAndStatus(kind, ModelVersion.ACTIVE);
    }

    public Optional<ModelVersion> find(long id) {
        return versions.findById(id);
    }

    public List<ModelVersion> recent(String kind, int limit) {
        return versions.recent(kind, limit);
    }

    public ModelVersion register(ModelVersion candidate) {
        ModelVersion saved = versions.save(candidate);
        LOG.info("Registered {} model version {} (valid Recall@20 {})", saved.kind(), saved.id(), saved.validRecall20());
        return saved;
    }

    /** Applies the gate to a registered candidate: promotes it, or marks it rejected with the reason. */
    public ModelVersion decide(ModelVersion candidate) {
        PromotionGate.Decision decision = gate.decide(candidate.validRecall20(),
                active(candidate.kind()).map(ModelVersion::validRecall20).orElse(null));
        return apply(candidate, decision);
    }

    /**
     * Applies {@code otherGate} on the figure {@code metric} that {@code figure} reads from a version (the outfit
     * model's dev-slice FITB, kept in its metrics document) to a registered candidate.
     */
    public ModelVersion decide(ModelVersion candidate, PromotionGate otherGate, String metric,
                               Function<ModelVersion, Double> figure) {
        PromotionGate.Decision decision = otherGate.decide(metric, figure.apply(candidate),
                active(candidate.kind()).map(figure).orElse(null));
        return apply(candidate, decision);
    }

    private ModelVersion apply(ModelVersion candidate, PromotionGate.Decision decision) {
        if (decision.promote()) {
            return promote(candidate.id(), "gate: " + decision.reason());
        }
        LOG.warn("{} model version {} rejected: {}", candidate.kind(), candidate.id(), decision.reason());
        return versions.update(candidate.withStatus(ModelVersion.REJECTED, "gate: " + decision.reason(), Instant.now()));
    }

    /** Makes {@code id} the served version of its kind; the previous one is retired. Also the rollback path. */
    public ModelVersion promote(long id, String why) {
        ModelVersion promoted = swap(id, why);
        activationListeners.forEach(listener -> listener.accept(promoted));
        return promoted;
    }

    @Transactional
    protected ModelVersion swap(long id, String why) {
        ModelVersion target = versions.findById(id).orElseThrow(() ->
                ProblemException.notFound("unknown-model", "id", "No model version " + id));
        Instant now = Instant.now();
        Optional<ModelVersion> current = versions.lockActive(target.kind());
        if (current.isPresent() && current.get().id().equals(target.id())) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-active", "id",
                    "Model version " + id + " is already active");
        }
        current.ifPresent(active -> versions.update(active.withStatus(ModelVersion.RETIRED,
                "replaced by version " + id, now)));
        ModelVersion promoted = versions.update(target.withStatus(ModelVersion.ACTIVE, why, now));
        LOG.info("{} model version {} is now active ({}){}", promoted.kind(), id, why,
                current.map(old -> "; version " + old.id() + " retired").orElse(""));
        return promoted;
    }
}
