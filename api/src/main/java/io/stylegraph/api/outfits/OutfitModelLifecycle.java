package io.stylegraph.api.outfits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.SearchIndexes;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.training.outfit.DevSliceFigures;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.ServingModelTrainer;
import io.stylegraph.training.outfit.TextVectors;
import io.stylegraph.training.outfit.TypeAwareConfig;
import io.stylegraph.training.outfit.TypeAwareModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of the outfit compatibility model the service runs with: load it or train one, then keep its index over
 * the current catalogue. Training and indexing themselves are {@code training.outfit}'s; this class decides when.
 *
 * <p>At start-up, in the background: the model file ({@code stylegraph.outfits.model-file}) is loaded when it exists;
 * otherwise, when Maryland Polyvore data is at hand and {@code train-on-start} is on, a model is trained on it (the
 * log shows its progress) and saved to that file for the next start. The model reads MiniLM vectors of item words
 * ({@link NameText}): a model trained here reads each item's search text ({@code text-input: item-text}: title,
 * category, brand, colour, further categories, description), so while search's text encoder is that MiniLM the
 * outfits take the search index's text vectors and encode nothing of their own. The index is then built as soon as
 * the model is ready, items whose text vector has not arrived yet being scored by slot and category, and rebuilt as
 * the embedding job fills the search index in ({@link OutfitViews.TextVectors} says how far). A model that reads
 * titles alone (older files, {@code text-input: name}), or search on another encoder, gets the outfit model's own
 * pass over the words it reads. Until the model is ready, {@link #ready()} answers 503 {@code outfits-not-ready}.
 *
 * <p>When the catalogue's items change the index is rebuilt in the background (only new words are encoded) while
 * the previous one keeps serving. PAIRS_WITH edges are written after an index is built, unless those in the graph were
 * computed from the same model file, catalogue, outfit support and {@code pairs-per-item} ({@link PairsWithWriter#plan},
 * checked before the titles are encoded): a restart with nothing changed keeps them and reports them ready at once.
 */
@Singleton
public class OutfitModelLifecycle implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(OutfitModelLifecycle.class);
    /** How often the index looks for text vectors the embedding job has added, while some are missing. */
    static final long FILL_IN_SECONDS = 2;
    /**
     * A rebuild while vectors are missing waits until all have arrived, or this share of the items has gained theirs
     * and {@link #FILL_IN_MIN_GAP_SECONDS} have passed since the last build (a rebuild takes about a second of CPU at
     * 44k items, beside the embedding job), or {@link #FILL_IN_MAX_WAIT_SECONDS} have passed.
     */
    static final double FILL_IN_SHARE = 0.05;
    static final long FILL_IN_MIN_GAP_SECONDS = 10;
    static final long FILL_IN_MAX_WAIT_SECONDS = 60;
    static final String MARYLAND = "polyvore-maryland";

    private final OutfitConfiguration config;
    private final CatalogueCache catalogue;
    private final ActiveEncoders encoders;
    private final PairsWithWriter pairs;
    private final LooksRepository looks;
    private final OutfitVersions versions;
    private final Path datasetsDir;
    private final SearchIndexes searchIndexes;
    private final boolean searchEmbeds;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outfit-model");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private final Map<String, float[]> titleVectors = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile TypeAwareModel model;
    private volatile String modelId;
    private volatile String modelDigest;
    private volatile Long registryVersion;
    private volatile OutfitViews.PairsWith pairsWith = OutfitViews.PairsWith.WAITING;
    private volatile String state = "starting";
    private volatile ServedOutfits served;
    private TextEncoder titleEncoder;
    private volatile NameText form = NameText.NAME;
    /** True when the model's text vectors are the search index's, not encoded by this class. */
    private volatile boolean sharedText;
    private volatile OutfitViews.TextVectors textVectors;
    /** The PAIRS_WITH plan waiting for the last text vectors, and the search index version the index was built on. */
    private PairsWithWriter.Plan pendingPlan;
    private long builtOnVersion = -1;
    private int builtOnSize;
    private long builtAtNanos;
    private final AtomicBoolean fillInQueued = new AtomicBoolean();

    public OutfitModelLifecycle(OutfitConfiguration config, CatalogueCache catalogue, ActiveEncoders encoders,
                                PairsWithWriter pairs, LooksRepository looks, OutfitVersions versions,
                                SearchIndexes searchIndexes, SearchConfiguration searchConfig,
                                @Nullable @Value("${stylegraph.datasets-dir:}") String datasetsDir) {
        this.config = config;
        this.searchIndexes = searchIndexes;
        this.searchEmbeds = searchConfig.isEmbedOnStartup();
        this.catalogue = catalogue;
        this.encoders = encoders;
        this.pairs = pairs;
        this.looks = looks;
        this.versions = versions;
        this.datasetsDir = datasetsDir == null || datasetsDir.isBlank() ? null : Path.of(datasetsDir);
        versions.onActivation(version -> {
            try {
                worker.submit(() -> switchTo(version));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                LOG.debug("Outfit model version {} not taken up: this lifecycle has stopped", version.id());
            }
        });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        worker.submit(this::prepare);
    }

    /** The served outfits, or a 503 {@code outfits-not-ready} problem saying what is still missing. */
    public ServedOutfits ready() {
        ServedOutfits current = current();
        if (current == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "outfits-not-ready", null,
                    "The outfit compatibility model is not ready: " + state);
        }
        return current;
    }

    /** The served outfits over the newest snapshot of the same items; a changed item set queues a rebuild. */
    private ServedOutfits current() {
        ServedOutfits current = served;
        if (current == null) {
            return null;
        }
        CatalogueSnapshot now = catalogue.snapshot();
        if (now != current.snapshot()) {
            if (current.sameItems(now)) {
                current = current.withSnapshot(now);
                served = current;
            } else {
                scheduleRefresh();
            }
        }
        return current;
    }

    /** True when the catalogue (possibly newer than the served index) has the item. */
    boolean catalogueHas(String itemId) {
        return catalogue.find(itemId).isPresent();
    }

    /** What the outfit model is doing: {@code ready}, or what it is waiting for. */
    public OutfitViews.Status status() {
        ServedOutfits current = current();
        return new OutfitViews.Status(current != null ? "ready" : state, modelId, registryVersion,
                current == null ? 0 : current.snapshot().size(), model == null ? Map.of() : model.parameters(),
                pairsWith, current == null ? null : textVectors);
    }

    /** The start-up work, run on the worker after the server starts: obtain the model, then build the index. */
    void prepare() {
        try {
            while (!catalogue.snapshot().isLoaded()) {
                state = "waiting for the catalogue";
                TimeUnit.SECONDS.sleep(1);
            }
            TypeAwareModel obtained = obtainModel();
            if (obtained == null) {
                return;
            }
            useTextOf(obtained);
            model = obtained;
            refresh();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            state = "failed: " + e.getMessage();
            LOG.error("Outfit model not available: {}", e.toString());
        }
    }

    private TypeAwareModel obtainModel() throws IOException {
        Path file = Path.of(config.getModelFile());
        if (Files.isRegularFile(file)) {
            state = "loading " + file;
            TypeAwareModel loaded = TypeAwareModel.load(file);
            ModelVersion version = record(file, loaded, "model file " + file + " loaded at start-up", null);
            if (ModelVersion.REJECTED.equals(version.status())) {
                return serveActive(version, file);
            }
            if (ModelVersion.CANDIDATE.equals(version.status())
                    && DevSliceFigures.of(loaded.parameters()).isPresent()) {
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
        Path data = config.getTrainingData() != null && !config.getTrainingData().isBlank()
                ? Path.of(config.getTrainingData()) : datasetsDir == null ? null : datasetsDir.resolve(MARYLAND);
        if (!config.isTrainOnStart() || data == null || !Files.isDirectory(data)) {
            state = "unavailable: no model file at " + file + (config.isTrainOnStart()
                    ? " and no outfit data at " + data + " to train one" : " and training at start-up is off");
            LOG.warn("Outfits are not served: {}", state);
            return null;
        }
        state = "training on " + data + " (see the log for progress)";
        LOG.info("No outfit model at {}: training one on {} in the background", file, data);
        PrintStream log = LogLines.to(LOG);
        TypeAwareModel trained;
        NameText trainForm = NameText.parse(config.getTextInput());
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            List<OutfitRecord> liked = LikedOutfits.asTrainingOutfits(looks, catalogue.snapshot(), trainForm, encoder,
                    log);
            trained = new ServingModelTrainer(TypeAwareConfig.served().withEpochs(config.getEpochs()), trainForm)
                    .train(data, encoder, liked, cacheFile("outfit-name-vectors-" + trainForm.wireName() + ".bin"),
                            log);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path saved = Files.createTempFile(file.toAbsolutePath().getParent(), "outfit-", ".partial");
        try {
            trained.save(saved);
            return serveActive(offer(saved, "trained at start-up on " + data), file);
        } finally {
            Files.deleteIfExists(saved);
        }
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
    private TypeAwareModel serveActive(ModelVersion decided, Path file) throws IOException {
        ModelVersion active = ModelVersion.ACTIVE.equals(decided.status()) ? decided
                : versions.active().orElse(null);
        Path artifact = active == null ? null : Path.of(active.artifactPath());
        if (artifact == null || !Files.isRegularFile(artifact)) {
            state = "unavailable: outfit model version " + decided.id() + " " + decided.status() + " ("
                    + decided.note() + ") and " + (active == null ? "no version is active"
                    : "active version " + active.id() + "'s file " + artifact + " is missing");
            LOG.warn("Outfits are not served: {}", state);
            return null;
        }
        registryVersion = active.id();
        Files.copy(artifact, file, StandardCopyOption.REPLACE_EXISTING);
        identify(file);
        LOG.info("Outfit model: serving registry version {} ({})", active.id(), decided.note());
        return TypeAwareModel.load(file);
    }

    /**
     * Serves a version that became active (promoted by the gate after {@link #offer}, or through the API: the
     * rollback path), unless it is the one served; the old index keeps answering until the new one is built. The
     * model file becomes a copy of it, so the next start serves it too.
     */
    void switchTo(ModelVersion version) {
        if (version.id().equals(registryVersion) || model == null) {
            return;
        }
        try {
            Path file = Path.of(config.getModelFile());
            Files.copy(Path.of(version.artifactPath()), file, StandardCopyOption.REPLACE_EXISTING);
            TypeAwareModel next = TypeAwareModel.load(file);
            useTextOf(next);
            identify(file);
            model = next;
            registryVersion = version.id();
            LOG.info("Outfit model: switching to registry version {} ({})", version.id(), version.note());
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.error("Outfit model version {} could not be served; keeping version {}: {}", version.id(),
                    registryVersion, e.toString());
        }
    }

    /** The model's id (file name and the start of its content digest) and digest, from the file it was read from. */
    private void identify(Path file) throws IOException {
        modelDigest = PairsFingerprints.ofModelFile(file);
        modelId = file.getFileName() + "@" + modelDigest.substring("sha256:".length(), "sha256:".length() + 12);
    }

    /**
     * Takes the text vectors {@code next} reads: the search index's, or those of its own pass (kept across models of
     * the same encoder and form, dropped otherwise).
     */
    private void useTextOf(TypeAwareModel next) {
        NameText nextForm = NameText.ofModel(next.parameters());
        String encoderBefore = sharedText ? encoders.text().modelId()
                : titleEncoder == null ? null : titleEncoder.modelId();
        boolean formBefore = nextForm == form;
        form = nextForm;
        sharedText = readsSearchVectors(next);
        titleEncoder = sharedText ? null : titleEncoderFor(next);
        String encoderNow = sharedText ? encoders.text().modelId() : titleEncoder.modelId();
        if (!formBefore || !encoderNow.equals(encoderBefore)) {
            titleVectors.clear();
        }
        if (sharedText) {
            LOG.info("Outfit index: reads the search index's {} text vectors (no text pass of its own)", encoderNow);
        }
    }

    /**
     * Whether the model can read the search index's text vectors: it reads item texts in the search's form, search
     * encodes them with the model's encoder in its own (not a shared image-text) space, and the embedding job runs.
     */
    private boolean readsSearchVectors(TypeAwareModel loaded) {
        return form == NameText.ITEM_TEXT && searchEmbeds && !encoders.sharedSpace()
                && encoders.text().modelId().equals(ServingModelTrainer.textEncoderOf(loaded));
    }

    /** The encoder of the model's text space: the active one when it is that encoder, else a MiniLM of our own. */
    private TextEncoder titleEncoderFor(TypeAwareModel loaded) {
        String expected = ServingModelTrainer.textEncoderOf(loaded);
        if (!encoders.sharedSpace() && encoders.text().modelId().equals(expected)) {
            return encoders.text();
        }
        if (!MiniLmTextEncoder.MODEL_ID.equals(expected)) {
            throw new IllegalStateException("the outfit model reads " + expected + " text vectors, which this "
                    + "service cannot compute");
        }
        return new MiniLmTextEncoder();
    }

    private Path cacheFile(String name) {
        Path modelFile = Path.of(config.getModelFile()).toAbsolutePath();
        return modelFile.getParent().resolve(name);
    }

    private void scheduleRefresh() {
        if (model != null && refreshQueued.compareAndSet(false, true)) {
            worker.submit(() -> {
                refreshQueued.set(false);
                try {
                    refresh();
                } catch (IOException | RuntimeException e) {
                    LOG.error("Outfit index not rebuilt: {}", e.toString());
                }
            });
        }
    }

    private void refresh() throws IOException {
        CatalogueSnapshot snapshot = catalogue.snapshot();
        ServedOutfits previous = served;
        if (previous != null && previous.sameItems(snapshot) && previous.modelId().equals(modelId)) {
            served = previous.withSnapshot(snapshot);
            return;
        }
        PairsWithWriter.Plan plan = pairs.plan(modelDigest, snapshot, config.getPairsPerItem());
        pairsWith = plan.announce();
        if (!sharedText) {
            encodeMissingWords(snapshot);
        }
        buildIndex(snapshot, plan);
    }

    /** The outfit model's own text pass: encodes the words of the snapshot's items not encoded yet. */
    private void encodeMissingWords(CatalogueSnapshot snapshot) throws IOException {
        state = "encoding item words";
        Set<String> missing = new java.util.LinkedHashSet<>();
        for (RatedItem item : snapshot.items()) {
            String words = form.of(item.item());
            if (words != null && !titleVectors.containsKey(words)) {
                missing.add(words);
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("Outfit index: encoding {} item {} with {}", missing.size(),
                    form == NameText.NAME ? "titles" : "texts", titleEncoder.modelId());
            // the cache file keeps exactly the words of one pass, so only the first (whole-catalogue) pass uses it
            Path cache = titleVectors.isEmpty() && config.getTitleVectorCache() != null
                    && !config.getTitleVectorCache().isBlank() ? Path.of(config.getTitleVectorCache()) : null;
            titleVectors.putAll(TextVectors.encode(titleEncoder, new ArrayList<>(missing), cache, LogLines.to(LOG),
                    null));
        }
    }

    /**
     * Builds and serves the index over the snapshot with the text vectors at hand; writes the PAIRS_WITH edges the
     * plan asks for once every item has its text vector, and until then looks again as the search index fills in.
     */
    private void buildIndex(CatalogueSnapshot snapshot, PairsWithWriter.Plan plan) {
        int withWords = 0;
        int withVector = 0;
        Optional<VectorIndex> text = sharedText ? searchIndexes.index(Modality.TEXT) : Optional.empty();
        builtOnVersion = text.map(VectorIndex::version).orElse(-1L);
        builtOnSize = text.map(VectorIndex::size).orElse(0);
        builtAtNanos = System.nanoTime();
        for (RatedItem rated : snapshot.items()) {
            String words = form.of(rated.item());
            if (words == null) {
                continue;
            }
            withWords++;
            if (sharedText && !titleVectors.containsKey(words)) {
                text.flatMap(index -> index.vector(rated.item().id())).ifPresent(v -> titleVectors.put(words, v));
            }
            if (titleVectors.containsKey(words)) {
                withVector++;
            }
        }
        if (sharedText && withVector == 0 && withWords > 0) {
            // a restart: the search index is still loading the stored vectors; an index without any would serve
            // slot and category alone
            state = "waiting for the search index's text vectors";
            pendingPlan = plan;
            scheduleFillIn();
            return;
        }
        long started = System.nanoTime();
        ServedOutfits built = ServedOutfits.build(modelId, model, snapshot, form, titleVectors);
        served = built;
        textVectors = new OutfitViews.TextVectors(sharedText ? "search" : "outfits", withWords, withVector);
        LOG.info("Outfit index ready: {} items ({} of {} with their text vector) in {} ms", snapshot.size(),
                withVector, withWords, (System.nanoTime() - started) / 1_000_000);
        if (withVector < withWords && sharedText) {
            pendingPlan = plan;
            if (plan.write()) {
                pairsWith = new OutfitViews.PairsWith("waiting", 0, false, plan.reason()
                        + "; written once every item has its text vector");
            }
            scheduleFillIn();
            return;
        }
        pendingPlan = null;
        if (plan.write()) {
            try {
                long written = pairs.publish(built, config.getPairsPerItem(), plan);
                pairsWith = new OutfitViews.PairsWith("ready", written, false, plan.reason());
            } catch (RuntimeException e) {
                pairsWith = new OutfitViews.PairsWith("failed: " + e.getMessage(), 0, false, plan.reason());
                LOG.warn("PAIRS_WITH edges not written (graph unavailable?): {}", e.getMessage());
            }
        }
    }

    /** Looks again in a while: rebuilds the index when the search index has taken new vectors since the last build. */
    private void scheduleFillIn() {
        if (fillInQueued.compareAndSet(false, true)) {
            worker.schedule(() -> {
                fillInQueued.set(false);
                try {
                    fillIn();
                } catch (IOException | RuntimeException e) {
                    LOG.error("Outfit index not filled in: {}", e.toString());
                }
            }, FILL_IN_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void fillIn() throws IOException {
        ServedOutfits current = served;
        PairsWithWriter.Plan plan = pendingPlan;
        if (plan == null) {
            return;
        }
        if (current == null) {
            if (searchIndexes.index(Modality.TEXT).map(VectorIndex::size).orElse(0) == 0) {
                scheduleFillIn();
            } else {
                buildIndex(catalogue.snapshot(), plan);
            }
            return;
        }
        if (!current.modelId().equals(modelId)) {
            return; // another model is served now: its own refresh plans its edges
        }
        if (!current.sameItems(catalogue.snapshot())) {
            scheduleRefresh(); // the items changed: a whole refresh, with a new plan
            return;
        }
        Optional<VectorIndex> text = searchIndexes.index(Modality.TEXT);
        long version = text.map(VectorIndex::version).orElse(-1L);
        int gained = text.map(VectorIndex::size).orElse(0) - builtOnSize;
        OutfitViews.TextVectors had = textVectors;
        long sinceBuild = System.nanoTime() - builtAtNanos;
        boolean enough = had == null || gained >= had.items() - had.withVector()
                || gained >= Math.max(1, FILL_IN_SHARE * had.items())
                && sinceBuild >= TimeUnit.SECONDS.toNanos(FILL_IN_MIN_GAP_SECONDS)
                || sinceBuild >= TimeUnit.SECONDS.toNanos(FILL_IN_MAX_WAIT_SECONDS);
        if (version == builtOnVersion || !enough) {
            scheduleFillIn();
            return;
        }
        buildIndex(current.snapshot(), plan);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
