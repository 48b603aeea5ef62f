package io.stylegraph.api.outfits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.SearchIndexes;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.ServingModelTrainer;
import io.stylegraph.training.outfit.TextVectors;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the served outfit model's text vectors come from, for {@link OutfitModelLifecycle}: the words of an item the
 * model reads ({@link NameText}, from its parameters), and either the search index's text vectors (a model reading
 * item texts with search's encoder, while search embeds in its own space) or the outfit index's own pass over those
 * words. While the search index fills in, it paces the rebuilds: the lifecycle looks every {@link #FILL_IN_SECONDS}
 * and {@link #fillIn} says whether to rebuild.
 *
 * <p>A model trained by the service reads each item's search text ({@code text-input: item-text}: title, category,
 * brand, colour, further categories, description), so while search's text encoder is that MiniLM the outfits take
 * the search index's text vectors and encode nothing of their own ({@link OutfitViews.TextVectors} says how many
 * items have theirs). A model that reads titles alone (older files, {@code text-input: name}), or search on another
 * encoder, gets the outfit index's own pass over the words it reads.
 *
 * <p>Used from the lifecycle's single worker thread only, apart from the vectors map, which is concurrent.
 */
final class OutfitTextSource {
    // the lifecycle's logger: these lines are the lifecycle's, as before the text source had a class of its own
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

    /** What a look at a filling-in search index asks of the lifecycle. */
    enum FillIn { LOOK_AGAIN, BUILD, REFRESH, NOTHING }

    /** How many of a snapshot's items have words, and how many of those have their text vector. */
    record Coverage(int withWords, int withVector) {
    }

    private final ActiveEncoders encoders;
    private final SearchIndexes searchIndexes;
    private final boolean searchEmbeds;
    private final OutfitConfiguration config;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private TextEncoder ownEncoder;
    private volatile NameText form = NameText.NAME;
    /** True when the model's text vectors are the search index's, not encoded by this class. */
    private volatile boolean shared;
    /** The search index version and size the last index was built on, and when. */
    private long builtOnVersion = -1;
    private int builtOnSize;
    private long builtAtNanos;

    /**
     * @param searchEmbeds whether search's embedding job runs ({@code stylegraph.search.embed-on-startup})
     * @param config       its {@code title-vector-cache} keeps the first pass's vectors
     */
    OutfitTextSource(ActiveEncoders encoders, SearchIndexes searchIndexes, boolean searchEmbeds,
                     OutfitConfiguration config) {
        this.encoders = encoders;
        this.searchIndexes = searchIndexes;
        this.searchEmbeds = searchEmbeds;
        this.config = config;
    }

    NameText form() {
        return form;
    }

    boolean shared() {
        return shared;
    }

    /** The text vectors at hand, by the words they encode. */
    Map<String, float[]> vectors() {
        return vectors;
    }

    /**
     * Takes the text vectors {@code next} reads: the search index's, or those of its own pass (kept across models of
     * the same encoder and form, dropped otherwise).
     */
    void use(TypeAwareModel next) {
        NameText nextForm = NameText.ofModel(next.parameters());
        String encoderBefore = shared ? encoders.text().modelId() : ownEncoder == null ? null : ownEncoder.modelId();
        boolean formBefore = nextForm == form;
        form = nextForm;
        shared = readsSearchVectors(next);
        ownEncoder = shared ? null : encoderFor(next);
        String encoderNow = shared ? encoders.text().modelId() : ownEncoder.modelId();
        if (!formBefore || !encoderNow.equals(encoderBefore)) {
            vectors.clear();
        }
        if (shared) {
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
    private TextEncoder encoderFor(TypeAwareModel loaded) {
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

    /** The outfit model's own text pass: encodes the words of the snapshot's items not encoded yet. */
    void encodeMissingWords(CatalogueSnapshot snapshot) throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        for (RatedItem item : snapshot.items()) {
            String words = form.of(item.item());
            if (words != null && !vectors.containsKey(words)) {
                missing.add(words);
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("Outfit index: encoding {} item {} with {}", missing.size(),
                    form == NameText.NAME ? "titles" : "texts", ownEncoder.modelId());
            // the cache file keeps exactly the words of one pass, so only the first (whole-catalogue) pass uses it
            Path cache = vectors.isEmpty() && config.getTitleVectorCache() != null
                    && !config.getTitleVectorCache().isBlank() ? Path.of(config.getTitleVectorCache()) : null;
            vectors.putAll(TextVectors.encode(ownEncoder, new ArrayList<>(missing), cache, LogLines.to(LOG), null));
        }
    }

    /**
     * Before an index is built over the snapshot: takes the text vectors the search index has for its items (when
     * shared), notes the search index version it is built on, and counts the items with words and vectors.
     */
    Coverage gather(CatalogueSnapshot snapshot) {
        int withWords = 0;
        int withVector = 0;
        Optional<VectorIndex> text = shared ? searchIndexes.index(Modality.TEXT) : Optional.empty();
        builtOnVersion = text.map(VectorIndex::version).orElse(-1L);
        builtOnSize = text.map(VectorIndex::size).orElse(0);
        builtAtNanos = System.nanoTime();
        for (RatedItem rated : snapshot.items()) {
            String words = form.of(rated.item());
            if (words == null) {
                continue;
            }
            withWords++;
            if (shared && !vectors.containsKey(words)) {
                text.flatMap(index -> index.vector(rated.item().id())).ifPresent(v -> vectors.put(words, v));
            }
            if (vectors.containsKey(words)) {
                withVector++;
            }
        }
        return new Coverage(withWords, withVector);
    }

    /** What the status reports of the text vectors of an index built with {@code coverage}. */
    OutfitViews.TextVectors status(Coverage coverage) {
        return new OutfitViews.TextVectors(shared ? "search" : "outfits", coverage.withWords(), coverage.withVector());
    }

    /**
     * What to do, with an index built ({@code current}) or waiting for the first vectors (null) and a PAIRS_WITH plan
     * pending: build once the search index has vectors at all, or when it is {@link #worthRebuilding}; look again
     * later; refresh when the catalogue's items changed; nothing when another model is served now.
     */
    FillIn fillIn(ServedOutfits current, String modelId, CatalogueCache catalogue, OutfitViews.TextVectors had) {
        if (current == null) {
            return searchIndexes.index(Modality.TEXT).map(VectorIndex::size).orElse(0) == 0 ? FillIn.LOOK_AGAIN
                    : FillIn.BUILD;
        }
        if (!current.modelId().equals(modelId)) {
            return FillIn.NOTHING;
        }
        if (!current.sameItems(catalogue.snapshot())) {
            return FillIn.REFRESH;
        }
        return worthRebuilding(had) ? FillIn.BUILD : FillIn.LOOK_AGAIN;
    }

    /**
     * Whether the index built with {@code had} is worth rebuilding now: the search index changed since, and either it
     * gained every missing vector, or {@link #FILL_IN_SHARE} of the items and {@link #FILL_IN_MIN_GAP_SECONDS} have
     * passed, or {@link #FILL_IN_MAX_WAIT_SECONDS} have.
     */
    private boolean worthRebuilding(OutfitViews.TextVectors had) {
        Optional<VectorIndex> text = searchIndexes.index(Modality.TEXT);
        long version = text.map(VectorIndex::version).orElse(-1L);
        int gained = text.map(VectorIndex::size).orElse(0) - builtOnSize;
        long sinceBuild = System.nanoTime() - builtAtNanos;
        boolean enough = had == null || gained >= had.items() - had.withVector()
                || gained >= Math.max(1, FILL_IN_SHARE * had.items())
                && sinceBuild >= TimeUnit.SECONDS.toNanos(FILL_IN_MIN_GAP_SECONDS)
                || sinceBuild >= TimeUnit.SECONDS.toNanos(FILL_IN_MAX_WAIT_SECONDS);
        return version != builtOnVersion && enough;
    }
}
