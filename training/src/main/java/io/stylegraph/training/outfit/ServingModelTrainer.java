package io.stylegraph.training.outfit;

import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the compatibility model a service runs with: on every named and category-only Maryland outfit except the
 * dev slice ({@link MarylandData.Holdout#SERVING}; {@code evaluate-outfits} measures the same settings on the test
 * slice) plus any extra outfits the caller has (e.g. outfits shoppers liked), with item names (or names and categories,
 * {@link NameText}) through {@code encoder}. The model is then measured on the dev slice it did not see and carries
 * those figures in its parameters ({@link DevSliceFigures}), which the service's promotion gate compares. The model
 * also records the encoder's id under {@link #TEXT_ENCODER} and the form under {@link NameText#PARAMETER}, so a
 * server can check it scores items in the same text space.
 *
 * <p>The model carries the category co-occurrence blend of the {@code text-category-blend} contender
 * ({@link TextCategoryCooccurrence} fitted on the same Maryland training outfits, weight
 * {@link MarylandEvaluation#BLEND_WEIGHT}) and the word overlap of item names ({@link WordOverlap}, document
 * frequencies of the training names, weight {@link MarylandEvaluation#WORD_WEIGHT}), which a server adds to the
 * type-aware scores ({@link TypeAwareModel#served()}); the dev-slice figures are those of the blend as served. Extra outfits train the
 * type-aware part only: their catalogue items have no Polyvore category to count.
 */
public final class ServingModelTrainer {
    /** Model parameter naming the text encoder whose vectors the model's {@code text} feature was trained on. */
    public static final String TEXT_ENCODER = "textEncoder";

    /**
     * The ensemble the dev folds chose: three type-aware models of successive seeds joined as one
     * ({@link TypeAwareModel#ensemble}) gained +1.4 points of FITB and +0.0055 AUC over one, same-slot FITB level
     * ({@code --dev-folds 5 --contenders ensemble-2,ensemble-3,ensemble-5}); five gained less than three. A service
     * serves it with {@code stylegraph.outfits.members: 3}.
     */
    public static final int ENSEMBLE_MEMBERS = 3;

    /**
     * What a service trains unless configured otherwise: one model. The three-member ensemble scores every candidate
     * over three times the width, and measured inside one service it took five outfits around an anchor from p50
     * 3.3–3.7 ms to 11.8–13.6 ms and p99 8–10 ms to 31–36 ms (issue 17's target is 30 ms), for +1.6 points of FITB on
     * the test slice.
     */
    public static final int DEFAULT_MEMBERS = 1;

    private final TypeAwareConfig config;
    private final NameText form;
    private final int members;

    /** A trainer whose model reads the vectors of item names alone ({@link NameText#NAME}). */
    public ServingModelTrainer(TypeAwareConfig config) {
        this(config, NameText.NAME);
    }

    /** @param form the words of an item whose vector the model's {@code text} feature reads; recorded in the model */
    public ServingModelTrainer(TypeAwareConfig config, NameText form) {
        this(config, form, DEFAULT_MEMBERS);
    }

    /** @param members how many models of successive seeds (from the config's) the served ensemble joins */
    public ServingModelTrainer(TypeAwareConfig config, NameText form, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be at least 1: " + members);
        }
        this.config = config;
        this.form = form;
        this.members = members;
    }

    /**
     * {@code count} models trained on {@code outfits} from {@code config}'s seed and the next ones, joined as one
     * ({@link TypeAwareModel#ensemble}; a single model when {@code count} is 1), trained side by side on up to as
     * many threads as cores; {@code progress} gets each member's epochs (from the members' threads).
     */
    public static TypeAwareModel trainEnsemble(TypeAwareConfig config, int count, List<OutfitRecord> outfits,
                                               java.util.function.BiConsumer<Integer, TypeAwareTrainer.EpochSummary>
                                                       progress) {
        List<TypeAwareModel> trained = trainMembers(config, count, outfits, progress);
        return count == 1 ? trained.get(0) : TypeAwareModel.ensemble(trained);
    }

    /** The members {@link #trainEnsemble} joins, in seed order. */
    static List<TypeAwareModel> trainMembers(TypeAwareConfig config, int count, List<OutfitRecord> outfits,
                                             java.util.function.BiConsumer<Integer, TypeAwareTrainer.EpochSummary>
                                                     progress) {
        // the members are independent (each its own seed and random stream), so they train side by side on the
        // cores there are, and each comes out as it would alone
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "outfit-model-member");
            thread.setDaemon(true);
            return thread;
        });
        List<TypeAwareModel> trained = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<TypeAwareModel>> futures = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                int member = m + 1;
                TypeAwareConfig seeded = config.withSeed(config.seed() + m);
                futures.add(pool.submit(() -> new TypeAwareTrainer(seeded).train(outfits,
                        progress == null ? null : summary -> progress.accept(member, summary))));
            }
            for (java.util.concurrent.Future<TypeAwareModel> future : futures) {
                trained.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the outfit models", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return trained;
    }

    /** The id of the text encoder whose vectors the model reads: the one it records, else MiniLM (older models). */
    public static String textEncoderOf(TypeAwareModel model) {
        return model.parameters().getOrDefault(TEXT_ENCODER, MiniLmTextEncoder.MODEL_ID);
    }

    /**
     * {@code model} carrying the blends a server adds, fitted on {@code train}: the text-category co-occurrence at
     * {@link MarylandEvaluation#BLEND_WEIGHT} and the word overlap of item names at
     * {@link MarylandEvaluation#WORD_WEIGHT}. Its {@link TypeAwareModel#served()} is what the service scores with.
     */
    public static TypeAwareModel withServedBlends(TypeAwareModel model, List<OutfitRecord> train) {
        return model.withTextCategoryBlend(new TypeAwareModel.TextCategoryBlend(TextCategoryCooccurrence.fit(train),
                MarylandEvaluation.BLEND_WEIGHT)).withWordBlend(new TypeAwareModel.WordBlend(
                WordOverlap.fitOutfits(train), MarylandEvaluation.WORD_WEIGHT));
    }

    /** Trains every member and returns the served model (the staged run's {@link Staged#all}). */
    public TypeAwareModel train(Path marylandFolder, TextEncoder encoder, List<OutfitRecord> extraOutfits,
                                Path nameVectorCache, PrintStream log) throws IOException {
        return start(marylandFolder, encoder, extraOutfits, nameVectorCache, log).all();
    }

    /**
     * Reads the training and dev outfits once, for a run in stages: a service serves {@link Staged#first} (one
     * member, as fast as one model trains) while the machine is busy with its first start, and trains the other
     * members later ({@link Staged#rest}).
     */
    public Staged start(Path marylandFolder, TextEncoder encoder, List<OutfitRecord> extraOutfits,
                        Path nameVectorCache, PrintStream log) throws IOException {
        log.printf(Locale.ROOT, "outfit model: reading %s%n", marylandFolder);
        MarylandData.Loaded loaded = MarylandData.load(marylandFolder, encoder, form, MarylandData.Holdout.SERVING,
                List.of(), nameVectorCache, log);
        List<OutfitRecord> outfits = new ArrayList<>(loaded.train());
        outfits.addAll(extraOutfits);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put(TEXT_ENCODER, encoder.modelId());
        if (form != NameText.NAME) {
            provenance.put(NameText.PARAMETER, form.wireName());
        }
        provenance.put("trainedOn", marylandFolder.getFileName() + " (all outfits but the " + loaded.heldOut().size()
                + " of the dev slice) + " + extraOutfits.size() + " extra outfits");
        return new Staged(loaded, outfits, extraOutfits.size(), provenance, log);
    }

    /** A training run whose outfits are read; its members can be trained all at once or the first one first. */
    public final class Staged {
        private final MarylandData.Loaded loaded;
        private final List<OutfitRecord> outfits;
        private final int extra;
        private final Map<String, String> provenance;
        private final PrintStream log;
        private TypeAwareModel firstMember;

        private Staged(MarylandData.Loaded loaded, List<OutfitRecord> outfits, int extra,
                       Map<String, String> provenance, PrintStream log) {
            this.loaded = loaded;
            this.outfits = outfits;
            this.extra = extra;
            this.provenance = provenance;
            this.log = log;
        }

        /** How many members the served model joins. */
        public int members() {
            return members;
        }

        /** Every member, side by side: the served model. */
        public TypeAwareModel all() {
            return served(train(0, members), members);
        }

        /** The first member alone, served as it is (blends and dev figures), kept to join the others later. */
        public TypeAwareModel first() {
            firstMember = train(0, 1).get(0);
            return served(List.of(firstMember), 1);
        }

        /** The other members, joined with the first ({@link #first} must have run): the served model. */
        public TypeAwareModel rest() {
            if (firstMember == null) {
                throw new IllegalStateException("the first member has not been trained");
            }
            List<TypeAwareModel> all = new ArrayList<>(List.of(firstMember));
            all.addAll(train(1, members - 1));
            return served(all, members);
        }

        private List<TypeAwareModel> train(int from, int count) {
            log.printf(Locale.ROOT, "outfit model: training %s on %d outfits (%d extra) for %d epochs each%n",
                    count == members ? count + " model(s)" : "model(s) " + (from + 1) + "-" + (from + count) + " of "
                            + members, outfits.size(), extra, config.epochs());
            TypeAwareConfig seeded = config.withSeed(config.seed() + from);
            return trainMembers(seeded, count, outfits, (member, summary) -> log.printf(
                    Locale.ROOT, "outfit model: model %d/%d epoch %d/%d loss %.4f (%.1f s, %d examples)%n",
                    from + member, members, summary.epoch(), config.epochs(), summary.loss(), summary.seconds(),
                    summary.examples()));
        }

        private TypeAwareModel served(List<TypeAwareModel> trained, int count) {
            long started = System.nanoTime();
            TypeAwareModel model = trained.size() == 1 ? trained.get(0) : TypeAwareModel.ensemble(trained);
            DevSliceFigures typeAware = DevSliceFigures.measure(model, loaded.heldOut());
            log.printf(Locale.ROOT, "outfit model: dev slice (%d outfits), type-aware alone (%d of %d members): "
                            + "FITB %.4f, same-slot %.4f, AUC %.4f%n", typeAware.outfits(), count, members,
                    typeAware.fitb(), typeAware.fitbSameSlot(), typeAware.auc());
            model = withServedBlends(model, loaded.train());
            DevSliceFigures dev = DevSliceFigures.measure(model.served(), loaded.heldOut());
            log.printf(Locale.ROOT, "outfit model: dev slice (%d outfits) FITB %.4f, same-slot %.4f, AUC %.4f%n",
                    dev.outfits(), dev.fitb(), dev.fitbSameSlot(), dev.auc());
            Map<String, String> parameters = new LinkedHashMap<>(provenance);
            parameters.putAll(dev.parameters());
            log.printf(Locale.ROOT, "outfit model: measured in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return model.withParameters(parameters);
        }
    }
}
