package io.stylegraph.api.outfits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.training.outfit.DevSliceFigures;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry's side of {@link OutfitModelLifecycle}: which registry version the service serves, the model
 * file as a copy of it, and the promotion gate ({@link OutfitVersions#gate}) for models loaded or trained here. Also
 * the served model's id and digest, from the file it was read from.
 *
 * <p>Used from the lifecycle's single worker thread (and {@link #offer} from tests); the served identity is volatile
 * for the status route.
 */
final class OutfitModelRegistry {
    // the lifecycle's logger: these lines are the lifecycle's, as before the registry wiring had a class of its own
    private static final Logger LOG = LoggerFactory.getLogger(OutfitModelLifecycle.class);

    private final OutfitConfiguration config;
    private final OutfitVersions versions;
    private final Consumer<String> state;
    private volatile String modelId;
    private volatile String modelDigest;
    private volatile Long registryVersion;

    /** @param state where to say why outfits are unavailable (the lifecycle's state) */
    OutfitModelRegistry(OutfitConfiguration config, OutfitVersions versions, Consumer<String> state) {
        this.config = config;
        this.versions = versions;
        this.state = state;
    }

    /** The served model's id: its file name and the start of its content digest. */
    String modelId() {
        return modelId;
    }

    String modelDigest() {
        return modelDigest;
    }

    /** The registry version served, null before one is. */
    Long registryVersion() {
        return registryVersion;
    }

    /** True when {@code version} is the one served. */
    boolean serves(ModelVersion version) {
        return version.id().equals(registryVersion);
    }

    /**
     * The model to serve at start-up when the model file exists: it, when adopted or promoted by the gate; else the
     * active version; null (state set) when none can be served.
     */
    TypeAwareModel loadAtStart(Path file) throws IOException {
        TypeAwareModel loaded = TypeAwareModel.load(file);
        ModelVersion version = record(file, loaded, "model file " + file + " loaded at start-up", null);
        if (ModelVersion.REJECTED.equals(version.status())) {
            return serveActive(version, file);
        }
        if (ModelVersion.CANDIDATE.equals(version.status()) && DevSliceFigures.of(loaded.parameters()).isPresent()) {
            return serveActive(versions.gate(version), file);
        }
        registryVersion = version.id();
        versions.adopt(version, "the configured model file at start-up (no dev-slice figures to gate on, or "
                + "a version that was served before)");
        identify(file);
        LOG.info("Outfit model loaded from {} ({} types, {}-d), registry version {}", file,
                loaded.types().size(), loaded.dimension(), version.id());
        return loaded;
    }

    /**
     * Records a model file the service trained (copied to its own file, {@link #record}) and lets the gate decide:
     * a promoted one is served (through the registry's activation), a refused one leaves the served model as it is.
     */
    ModelVersion offer(Path trainedFile, String origin) throws IOException {
        ModelVersion version = record(trainedFile, TypeAwareModel.load(trainedFile), origin, GitRevision.current());
        ModelVersion decided = ModelVersion.CANDIDATE.equals(version.status()) ? versions.gate(version) : version;
        LOG.info("Outfit model version {} {}: {}", decided.id(), decided.status(), decided.note());
        return decided;
    }

    /**
     * The registry version of a model file, registered if new. Its artifact is a copy named by its digest,
     * {@code outfit-<digest prefix>.sgoutfit} beside the model file, which stays as it is whatever the model file
     * later holds (the model file is a copy of the served version).
     */
    private ModelVersion record(Path file, TypeAwareModel loaded, String origin, String revision) throws IOException {
        String digest = PairsFingerprints.ofModelFile(file);
        Path dir = Path.of(config.getModelFile()).toAbsolutePath().getParent();
        Path artifact = dir.resolve("outfit-" + digest.substring("sha256:".length(), "sha256:".length() + 12)
                + ".sgoutfit");
        if (!Files.isRegularFile(artifact)) {
            Files.createDirectories(dir);
            Files.copy(file, artifact, StandardCopyOption.REPLACE_EXISTING);
        }
        return versions.record(artifact, digest, loaded, origin, revision);
    }

    /**
     * After the gate decided on {@code decided}: serves the active version (it, when promoted), copied to the model
     * file so the next start loads it; none when no version is active or its file is gone.
     */
    TypeAwareModel serveActive(ModelVersion decided, Path file) throws IOException {
        ModelVersion active = ModelVersion.ACTIVE.equals(decided.status()) ? decided
                : versions.active().orElse(null);
        Path artifact = active == null ? null : Path.of(active.artifactPath());
        if (artifact == null || !Files.isRegularFile(artifact)) {
            String why = "unavailable: outfit model version " + decided.id() + " " + decided.status() + " ("
                    + decided.note() + ") and " + (active == null ? "no version is active"
                    : "active version " + active.id() + "'s file " + artifact + " is missing");
            state.accept(why);
            LOG.warn("Outfits are not served: {}", why);
            return null;
        }
        registryVersion = active.id();
        Files.copy(artifact, file, StandardCopyOption.REPLACE_EXISTING);
        identify(file);
        LOG.info("Outfit model: serving registry version {} ({})", active.id(), decided.note());
        return TypeAwareModel.load(file);
    }

    /**
     * Copies a version that became active to the model file (so the next start serves it too) and reads it; the
     * served identity changes only when {@link #served} is called, once the lifecycle has taken the model up.
     */
    TypeAwareModel load(ModelVersion version) throws IOException {
        Path file = Path.of(config.getModelFile());
        Files.copy(Path.of(version.artifactPath()), file, StandardCopyOption.REPLACE_EXISTING);
        return TypeAwareModel.load(file);
    }

    /** The model of {@code version}, read by {@link #load}, is now the served one. */
    void served(ModelVersion version) throws IOException {
        identify(Path.of(config.getModelFile()));
        registryVersion = version.id();
    }

    /** The model's id (file name and the start of its content digest) and digest, from the file it was read from. */
    private void identify(Path file) throws IOException {
        modelDigest = PairsFingerprints.ofModelFile(file);
        modelId = file.getFileName() + "@" + modelDigest.substring("sha256:".length(), "sha256:".length() + 12);
    }
}
