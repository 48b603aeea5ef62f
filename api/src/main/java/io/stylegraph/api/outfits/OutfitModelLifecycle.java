package io.stylegraph.api.outfits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.training.outfit.ServingModelTrainer;
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
 * otherwise, when Maryland Polyvore data is at hand and {@code train-on-start} is on, a model is trained on it
 * ({@link OutfitStartupTraining}; the log shows its progress) and saved to that file for the next start. The index is
 * built as soon as the model is ready, over the text vectors of {@link OutfitTextSource} (the search index's, or its
 * own pass), items whose vector has not arrived yet being scored by slot and category, and rebuilt as the embedding
 * job fills the search index in. Until the model is ready, {@link #ready()} answers 503 {@code outfits-not-ready}.
 * A model carrying the text-category blend keeps its items' guessed categories in {@link #CATEGORY_FILE} beside the
 * model file, so a restart reads them back instead of computing them again.
 *
 * <p>When the catalogue's items change the index is rebuilt in the background (only new words are encoded) while
 * the previous one keeps serving. PAIRS_WITH edges are written after an index is built, unless those in the graph were
 * computed from the same model file, catalogue, outfit support and {@code pairs-per-item} ({@link PairsWithWriter#plan},
 * checked before the titles are encoded): a restart with nothing changed keeps them and reports them ready at once.
 *
 * <p>Which registry version is served, and the promotion gate, are {@link OutfitModelRegistry}'s.
 */
@Singleton
public class OutfitModelLifecycle implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(OutfitModelLifecycle.class);
    /** The served index's text categories ({@code TextCategoryAssignments}), beside the model file. */
    static final String CATEGORY_FILE = "outfit-text-categories.bin";

    private final OutfitConfiguration config;
    private final CatalogueCache catalogue;
    private final PairsWithWriter pairs;
    private final OutfitStartupTraining training;
    private final OutfitTextSource text;
    private final OutfitModelRegistry registry;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outfit-model");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile TypeAwareModel model;
    private volatile OutfitViews.PairsWith pairsWith = OutfitViews.PairsWith.WAITING;
    private volatile String state = "starting";
    private volatile ServedOutfits served;
    private volatile OutfitViews.TextVectors textVectors;
    private PairsWithWriter.Plan pendingPlan; // the PAIRS_WITH plan waiting for the last text vectors
    // a start-up run whose first member is served and whose other members train once every item has its text vector
    private ServingModelTrainer.Staged pendingMembers;
    private Path pendingData;
    private final AtomicBoolean fillInQueued = new AtomicBoolean();

    public OutfitModelLifecycle(OutfitConfiguration config, CatalogueCache catalogue, ActiveEncoders encoders,
                                PairsWithWriter pairs, LooksRepository looks, OutfitVersions versions,
                                SearchIndexes searchIndexes, SearchConfiguration searchConfig,
                                @Nullable @Value("${stylegraph.datasets-dir:}") String datasetsDir) {
        this.config = config;
        this.catalogue = catalogue;
        this.pairs = pairs;
        this.training = new OutfitStartupTraining(config, catalogue, looks,
                datasetsDir == null || datasetsDir.isBlank() ? null : Path.of(datasetsDir));
        this.text = new OutfitTextSource(encoders, searchIndexes, searchConfig.isEmbedOnStartup(), config);
        this.registry = new OutfitModelRegistry(config, versions, why -> state = why);
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
        return new OutfitViews.Status(current != null ? "ready" : state, registry.modelId(),
                registry.registryVersion(), current == null ? 0 : current.snapshot().size(),
                model == null ? Map.of() : model.parameters(), pairsWith, current == null ? null : textVectors,
                current == null ? null : current.textCategoryBlend(), current == null ? null : current.wordOverlap());
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
            text.use(obtained);
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
            return registry.loadAtStart(file);
        }
        Path data = training.data();
        if (!training.possible(data)) {
            state = training.unavailable(file, data);
            LOG.warn("Outfits are not served: {}", state);
            return null;
        }
        state = "training on " + data + " (see the log for progress)";
        ServingModelTrainer.Staged staged = training.start(data, file);
        if (staged.members() == 1) {
            return training.saved(staged.all(), file, saved -> registry.serveActive(registry.offer(saved,
                    "trained at start-up on " + data), file));
        }
        // one member is served as soon as it is trained; the others would slow the first start's embedding, so they
        // train once every item has its text vector, and the PAIRS_WITH edges wait for them
        TypeAwareModel first = training.saved(staged.first(), file, saved -> registry.serveActive(registry.offer(
                saved, "trained at start-up on " + data + ": the first of " + staged.members() + " members"), file));
        if (first != null) {
            pendingMembers = staged;
            pendingData = data;
        }
        return first;
    }

    /**
     * Trains the members a start-up run left (on the worker, every item having its text vector) and offers the
     * joined model to the gate; true when it became active, so its switch rebuilds the index and plans the
     * PAIRS_WITH edges.
     */
    private boolean trainOtherMembers() {
        ServingModelTrainer.Staged staged = pendingMembers;
        pendingMembers = null;
        if (staged == null) {
            return false;
        }
        try {
            pairsWith = new OutfitViews.PairsWith("waiting", 0, false, "written once the outfit model's other "
                    + (staged.members() - 1) + " members are trained");
            LOG.info("Outfit model: training the other {} members now that every item has its text vector",
                    staged.members() - 1);
            ModelVersion version = training.saved(staged.rest(), Path.of(config.getModelFile()), saved ->
                    registry.offer(saved, "trained at start-up on " + pendingData + ": all " + staged.members()
                            + " members"));
            return ModelVersion.ACTIVE.equals(version.status());
        } catch (IOException | RuntimeException e) {
            LOG.error("Outfit model: the other members were not trained; serving the first: {}", e.toString());
            return false;
        }
    }

    /**
     * Records a model file the service trained and lets the promotion gate decide ({@link OutfitModelRegistry#offer}):
     * a promoted one is served (through the registry's activation), a refused one leaves the served model as it is.
     */
    ModelVersion offer(Path trainedFile, String origin) throws IOException {
        return registry.offer(trainedFile, origin);
    }

    /**
     * Serves a version that became active (promoted by the gate after {@link #offer}, or through the API: the
     * rollback path), unless it is the one served; the old index keeps answering until the new one is built. The
     * model file becomes a copy of it, so the next start serves it too.
     */
    void switchTo(ModelVersion version) {
        if (registry.serves(version) || model == null) {
            return;
        }
        try {
            TypeAwareModel next = registry.load(version);
            text.use(next);
            registry.served(version);
            model = next;
            LOG.info("Outfit model: switching to registry version {} ({})", version.id(), version.note());
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.error("Outfit model version {} could not be served; keeping version {}: {}", version.id(),
                    registry.registryVersion(), e.toString());
        }
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
        String modelId = registry.modelId();
        if (previous != null && previous.sameItems(snapshot) && previous.modelId().equals(modelId)) {
            served = previous.withSnapshot(snapshot);
            return;
        }
        PairsWithWriter.Plan plan = pairs.plan(registry.modelDigest(), snapshot, config.getPairsPerItem());
        pairsWith = plan.announce();
        if (!text.shared()) {
            state = "encoding item words";
            text.encodeMissingWords(snapshot);
        }
        buildIndex(snapshot, plan);
    }

    /**
     * Builds and serves the index over the snapshot with the text vectors at hand; writes the PAIRS_WITH edges the
     * plan asks for once every item has its text vector, and until then looks again as the search index fills in.
     */
    private void buildIndex(CatalogueSnapshot snapshot, PairsWithWriter.Plan plan) {
        OutfitTextSource.Coverage coverage = text.gather(snapshot);
        if (text.shared() && coverage.withVector() == 0 && coverage.withWords() > 0) {
            // a restart: the search index is still loading the stored vectors; an index without any would serve
            // slot and category alone
            state = "waiting for the search index's text vectors";
            pendingPlan = plan;
            scheduleFillIn();
            return;
        }
        long started = System.nanoTime();
        ServedOutfits built = ServedOutfits.build(registry.modelId(), model, snapshot, text.form(), text.vectors(),
                Path.of(config.getModelFile()).resolveSibling(CATEGORY_FILE));
        served = built;
        textVectors = text.status(coverage);
        LOG.info("Outfit index ready: {} items ({} of {} with their text vector) in {} ms; {}", snapshot.size(),
                coverage.withVector(), coverage.withWords(), (System.nanoTime() - started) / 1_000_000,
                built.scoresServed());
        if (coverage.withVector() < coverage.withWords() && text.shared()) {
            pendingPlan = plan;
            if (plan.write()) {
                pairsWith = new OutfitViews.PairsWith("waiting", 0, false, plan.reason()
                        + "; written once every item has its text vector");
            }
            scheduleFillIn();
            return;
        }
        pendingPlan = null;
        if (trainOtherMembers()) {
            return; // the joined model's switch builds its own index and writes the edges for it
        }
        if (plan.write()) {
            pairsWith = pairs.publishReporting(built, config.getPairsPerItem(), plan);
        }
    }

    /** Looks again in a while: rebuilds the index when the search index has taken new vectors since the last build. */
    private void scheduleFillIn() {
        if (fillInQueued.compareAndSet(false, true)) {
            worker.schedule(() -> {
                fillInQueued.set(false);
                ServedOutfits current = served;
                PairsWithWriter.Plan plan = pendingPlan;
                try {
                    switch (plan == null ? OutfitTextSource.FillIn.NOTHING
                            : text.fillIn(current, registry.modelId(), catalogue, textVectors)) {
                        case LOOK_AGAIN -> scheduleFillIn();
                        case BUILD -> buildIndex(current == null ? catalogue.snapshot() : current.snapshot(), plan);
                        case REFRESH -> scheduleRefresh(); // the items changed: a whole refresh, with a new plan
                        case NOTHING -> { } // edges written, or another model is served: its refresh plans its own
                    }
                } catch (RuntimeException e) {
                    LOG.error("Outfit index not filled in: {}", e.toString());
                }
            }, OutfitTextSource.FILL_IN_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
