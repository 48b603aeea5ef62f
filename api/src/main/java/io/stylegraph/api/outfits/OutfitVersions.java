package io.stylegraph.api.outfits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.api.registry.PromotionGate;
import io.stylegraph.training.outfit.DevSliceFigures;
import io.stylegraph.training.outfit.TypeAwareModel;
import jakarta.inject.Singleton;

/**
 * The outfit compatibility models in the model registry (kind {@value #KIND}). A model file is one version, known by
 * the SHA-256 of its bytes: its parameters (with that digest), where it came from, and its dev-slice figures
 * ({@link DevSliceFigures}, carried in the file by the models the service trains) as the metrics document. The gate
 * compares dev-slice FITB (any-slot distractors) with the active version's, within
 * {@code stylegraph.outfits.promotion-tolerance}.
 */
@Singleton
public class OutfitVersions {
    public static final String KIND = "outfit";
    /** The gate's figure, as its reasons name it. */
    static final String GATE_METRIC = "dev FITB";
    private static final String DIGEST = "digest";

    private final ModelRegistry registry;
    private final JsonMapper json;
    private final PromotionGate gate;

    public OutfitVersions(ModelRegistry registry, JsonMapper json, OutfitConfiguration config) {
        this.registry = registry;
        this.json = json;
        this.gate = new PromotionGate(config.getPromotionTolerance());
    }

    /** Calls {@code listener} with each outfit version that becomes active (promoted by the gate or the API). */
    void onActivation(Consumer<ModelVersion> listener) {
        registry.onActivation(version -> {
            if (KIND.equals(version.kind())) {
                listener.accept(version);
            }
        });
    }

    Optional<ModelVersion> active() {
        return registry.active(KIND);
    }

    /** The version of the model file with this digest, registered as a candidate first if the registry lacks it. */
    ModelVersion record(Path file, String digest, TypeAwareModel model, String origin, String gitRevision) {
        for (ModelVersion known : registry.recent(KIND, 500)) {
            if (digest.equals(read(known.parameters()).get(DIGEST))) {
                return known;
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>(model.parameters());
        parameters.put(DIGEST, digest);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("origin", origin);
        data.put("trainedOn", model.parameters().getOrDefault("trainedOn", "unknown"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        DevSliceFigures.of(model.parameters()).ifPresent(dev -> {
            data.put("devSlice", "outfits-valid.jsonl outfits whose FNV-1a(set_id) mod 10 is 3, not trained on");
            metrics.put(DevSliceFigures.FITB, dev.fitb());
            metrics.put(DevSliceFigures.FITB_SAME_SLOT, dev.fitbSameSlot());
            metrics.put(DevSliceFigures.AUC, dev.auc());
            metrics.put(DevSliceFigures.OUTFITS, dev.outfits());
        });
        long seed = parseSeed(model.parameters().get("seed"));
        return registry.register(ModelVersion.candidate(KIND, file.toAbsolutePath().toString(), write(parameters),
                write(data), write(metrics), null, null, seed, gitRevision));
    }

    /** The gate on dev-slice FITB: the candidate becomes active, or is marked rejected with the reason. */
    ModelVersion gate(ModelVersion candidate) {
        return registry.decide(candidate, gate, GATE_METRIC, this::devFitb);
    }

    /** Makes a version active without the gate (an operator's model file), unless it already is. */
    ModelVersion adopt(ModelVersion version, String why) {
        return ModelVersion.ACTIVE.equals(version.status()) ? version : registry.promote(version.id(), why);
    }

    /** The version's dev-slice FITB, or null when it was not measured on the dev slice. */
    Double devFitb(ModelVersion version) {
        Object value = read(version.metrics()).get(DevSliceFigures.FITB);
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private Map<String, Object> read(String document) {
        try {
            return json.readValue(document, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored model document is not JSON", e);
        }
    }

    private String write(Map<String, Object> document) {
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parseSeed(String seed) {
        try {
            return seed == null ? 0 : Long.parseLong(seed);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
