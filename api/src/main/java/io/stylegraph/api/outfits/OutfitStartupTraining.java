package io.stylegraph.api.outfits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.ServingModelTrainer;
import io.stylegraph.training.outfit.TypeAwareConfig;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model {@link OutfitModelLifecycle} trains when there is no model file: on Maryland Polyvore data (the folder
 * {@code training-data}, else {@code polyvore-maryland} under {@code stylegraph.datasets-dir}) and the liked looks,
 * with the served settings and the configured {@code text-input}, when {@code train-on-start} is on.
 */
final class OutfitStartupTraining {
    // the lifecycle's logger: training at start-up is its work, as before this class was split from it
    private static final Logger LOG = LoggerFactory.getLogger(OutfitModelLifecycle.class);
    static final String MARYLAND = "polyvore-maryland";

    /** What becomes of a trained model file (offered to the registry); it is deleted afterwards. */
    interface Offer<T> {
        T apply(Path trainedFile) throws IOException;
    }

    private final OutfitConfiguration config;
    private final CatalogueCache catalogue;
    private final LooksRepository looks;
    private final Path datasetsDir;

    OutfitStartupTraining(OutfitConfiguration config, CatalogueCache catalogue, LooksRepository looks,
                          Path datasetsDir) {
        this.config = config;
        this.catalogue = catalogue;
        this.looks = looks;
        this.datasetsDir = datasetsDir;
    }

    /** The outfit data to train on; null when there is none. */
    Path data() {
        return config.getTrainingData() != null && !config.getTrainingData().isBlank()
                ? Path.of(config.getTrainingData())
                : datasetsDir == null ? null : datasetsDir.resolve(MARYLAND);
    }

    /** Whether a model can be trained on {@code data}: training at start-up is on and the folder exists. */
    boolean possible(Path data) {
        return config.isTrainOnStart() && data != null && Files.isDirectory(data);
    }

    /** Why no model is served when none can be trained: what the lifecycle's state says. */
    String unavailable(Path file, Path data) {
        return "unavailable: no model file at " + file + (config.isTrainOnStart()
                ? " and no outfit data at " + data + " to train one" : " and training at start-up is off");
    }

    /**
     * Reads {@code data} and the liked looks for a training run in stages ({@link ServingModelTrainer.Staged}): the
     * lifecycle serves its first member as soon as it is trained and trains the others once the first start's
     * embedding is done.
     */
    ServingModelTrainer.Staged start(Path data, Path file) throws IOException {
        LOG.info("No outfit model at {}: training one on {} in the background", file, data);
        PrintStream log = LogLines.to(LOG);
        NameText trainForm = NameText.parse(config.getTextInput());
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            List<OutfitRecord> liked = LikedOutfits.asTrainingOutfits(looks, catalogue.snapshot(), trainForm, encoder,
                    log);
            Path cache = file.toAbsolutePath().getParent()
                    .resolve("outfit-name-vectors-" + trainForm.wireName() + ".bin");
            return new ServingModelTrainer(TypeAwareConfig.served().withEpochs(config.getEpochs()), trainForm,
                    config.getMembers()).start(data, encoder, liked, cache, log);
        }
    }

    /** Saves {@code trained} beside {@code file}, hands the saved file to {@code use} and deletes it afterwards. */
    <T> T saved(TypeAwareModel trained, Path file, Offer<T> use) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path saved = Files.createTempFile(file.toAbsolutePath().getParent(), "outfit-", ".partial");
        try {
            trained.save(saved);
            return use.apply(saved);
        } finally {
            Files.deleteIfExists(saved);
        }
    }
}
