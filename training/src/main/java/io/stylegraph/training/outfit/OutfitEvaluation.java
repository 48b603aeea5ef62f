package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ResourceUsage;

/**
 * The outfit compatibility benchmark: trains the type-aware model on a Polyvore dataset (or loads one), measures it
 * with fill-in-the-blank and compatibility AUC beside a co-occurrence model and a random scorer (on Maryland also
 * beside the baseline training, a price-band variant and complete-the-look retrieval), and answers an
 * {@link OutfitEvaluationReport} with the figures, the data, the timings and the run's provenance. With
 * {@link Settings#outfits()} the model trained on Maryland is measured on another outfits file of the
 * {@code outfits-valid.jsonl} format instead. The benchmark questions come from their own seed, independent of the
 * training seed, so runs with different seeds answer the same questions.
 *
 * <p>Each dataset's run is its own class ({@code MarylandEvaluation}, {@code DisjointEvaluation}); they train their
 * type-aware models through {@code TypeAwareContenders}, measure every {@code Contender} with
 * {@code FitbEvaluator}, {@code AucEvaluator} and {@code LookRetrievalEvaluator}, and collect the report's parts in
 * an {@code OutfitReportDraft}.
 */
public final class OutfitEvaluation {

    public static final String MARYLAND = MarylandData.FOLDER;
    public static final String DISJOINT = DisjointData.FOLDER;

    /**
     * What to evaluate and how.
     *
     * @param dataset       {@link #MARYLAND} or {@link #DISJOINT}
     * @param datasetsDir   folder holding the datasets by name
     * @param outfits       another outfits file to measure on instead of the held-out slice (Maryland only); null
     *                      for none
     * @param modelIn       a trained model to load instead of training one; null to train
     * @param modelOut      where to save the trained model; null not to
     * @param seed          training seed
     * @param benchmarkSeed seed of the blanks, candidates and replacements
     * @param tuning        training settings that differ from the dataset's defaults
     * @param holdout       Maryland's held-out slice
     * @param vectorCache   file that keeps name vectors between runs; null for none
     * @param textInput     the words of an item whose MiniLM vector the models read ({@link NameText}; Maryland only)
     */
    public record Settings(String dataset, Path datasetsDir, Path outfits, Path modelIn, Path modelOut, long seed,
                           long benchmarkSeed, Tuning tuning, MarylandData.Holdout holdout, Path vectorCache,
                           NameText textInput) {

        public Settings {
            check(dataset, outfits);
            textInput = textInput == null ? NameText.NAME : textInput;
            if (textInput != NameText.NAME && !MARYLAND.equals(dataset)) {
                throw new IllegalArgumentException("--text-input " + textInput.wireName() + " reads Maryland's "
                        + "categories; use it with --dataset " + MARYLAND);
            }
        }

        /** Settings whose models read item names alone. */
        public Settings(String dataset, Path datasetsDir, Path outfits, Path modelIn, Path modelOut, long seed,
                        long benchmarkSeed, Tuning tuning, MarylandData.Holdout holdout, Path vectorCache) {
            this(dataset, datasetsDir, outfits, modelIn, modelOut, seed, benchmarkSeed, tuning, holdout, vectorCache,
                    NameText.NAME);
        }

        /** Throws {@link IllegalArgumentException} for an unknown dataset, or another outfits file off Maryland. */
        public static void check(String dataset, Path outfits) {
            if (!MARYLAND.equals(dataset) && !DISJOINT.equals(dataset)) {
                throw new IllegalArgumentException("unknown dataset '" + dataset + "'; known: " + MARYLAND + ", "
                        + DISJOINT);
            }
            if (outfits != null && !MARYLAND.equals(dataset)) {
                throw new IllegalArgumentException("--outfits evaluates a model trained on " + MARYLAND
                        + "; use it with --dataset " + MARYLAND);
            }
        }

        /**
         * The report's file name without extension: {@code evaluate-outfits-<dataset>}, then {@code -on-<file>} for
         * another outfits file or {@code -dev} for Maryland's dev slice, then {@code -item-text} for models that
         * read item texts rather than names.
         */
        public String reportName() {
            StringBuilder name = new StringBuilder("evaluate-outfits-").append(dataset);
            if (outfits != null) {
                String file = outfits.getFileName().toString().replaceAll("\\.jsonl?$", "");
                String parent = outfits.toAbsolutePath().getParent() == null ? ""
                        : outfits.toAbsolutePath().getParent().getFileName() + "-";
                name.append("-on-").append((parent + file).replaceAll("[^A-Za-z0-9._-]", "_"));
            }
            if (holdout == MarylandData.Holdout.DEV && outfits == null && dataset.equals(MARYLAND)) {
                name.append("-dev");
            }
            if (textInput != NameText.NAME) {
                name.append('-').append(textInput.wireName());
            }
            return name.toString();
        }
    }

    /**
     * Training settings that replace the dataset's defaults; a null field keeps the default. The {@code context}
     * fields tune the {@link OutfitContextModel} rows: epochs, dimension and distractors of the blank's slot per
     * question (the rest, up to the default total, of any slot).
     */
    public record Tuning(Integer epochs, Integer dimension, Double learningRate, Double sameTypeShare,
                         Double categoryDropout, Integer contentRepeats, Double weightDecay, Double scale,
                         Double blankShare, Integer blankCandidates, Integer contextEpochs, Integer contextDimension,
                         Integer contextSameSlotNegatives) {

        /** Tuning of the type-aware model alone. */
        public Tuning(Integer epochs, Integer dimension, Double learningRate, Double sameTypeShare,
                      Double categoryDropout, Integer contentRepeats, Double weightDecay, Double scale,
                      Double blankShare, Integer blankCandidates) {
            this(epochs, dimension, learningRate, sameTypeShare, categoryDropout, contentRepeats, weightDecay, scale,
                    blankShare, blankCandidates, null, null, null);
        }

        public static Tuning none() {
            return new Tuning(null, null, null, null, null, null, null, null, null, null);
        }

        /** The outfit context model's default settings with this tuning and {@code seed}. */
        OutfitContextConfig context(long seed) {
            OutfitContextConfig config = OutfitContextConfig.defaults().withSeed(seed);
            if (contextEpochs != null) {
                config = config.withEpochs(contextEpochs);
            }
            if (contextDimension != null) {
                config = config.withDimension(contextDimension);
            }
            if (contextSameSlotNegatives != null) {
                int total = config.randomNegatives() + config.sameSlotNegatives();
                config = config.withNegatives(Math.max(0, total - contextSameSlotNegatives), contextSameSlotNegatives);
            }
            return config;
        }

        TypeAwareConfig apply(TypeAwareConfig base) {
            TypeAwareConfig config = base;
            if (epochs != null) {
                config = config.withEpochs(epochs);
            }
            if (dimension != null) {
                config = config.withDimension(dimension);
            }
            if (learningRate != null) {
                config = config.withLearningRate(learningRate);
            }
            if (sameTypeShare != null) {
                config = config.withSameTypeShare(sameTypeShare);
            }
            if (categoryDropout != null) {
                config = config.withCategoryDropout(categoryDropout);
            }
            if (contentRepeats != null) {
                config = config.withContentRepeats(contentRepeats);
            }
            if (weightDecay != null) {
                config = config.withWeightDecay(weightDecay);
            }
            if (scale != null) {
                config = config.withScale(scale);
            }
            if (blankShare != null) {
                config = config.withBlankShare(blankShare);
            }
            if (blankCandidates != null) {
                config = config.withBlankCandidates(blankCandidates);
            }
            return config;
        }
    }

    private OutfitEvaluation() {
    }

    /**
     * Runs the benchmark once.
     *
     * @param command the command line to name in the report
     * @param out     where progress goes
     */
    public static OutfitEvaluationReport run(Settings settings, String command, PrintStream out) throws Exception {
        Provenance started = Provenance.start(command);
        ResourceUsage.resetPeaks();
        OutfitReportDraft draft = new OutfitReportDraft(out);
        if (settings.dataset().equals(MARYLAND)) {
            new MarylandEvaluation(settings, out, draft).run();
        } else {
            new DisjointEvaluation(settings, out, draft).run();
        }
        return draft.report(settings.dataset(), started.finish());
    }

    /** All items of the outfits, counted once per outfit they are in. */
    static long items(List<OutfitRecord> outfits) {
        return outfits.stream().mapToLong(OutfitRecord::size).sum();
    }

    /** The items of the outfits that have a name vector, counted once per outfit they are in. */
    static long withText(List<OutfitRecord> outfits) {
        return outfits.stream().flatMap(o -> o.items().stream())
                .filter(i -> i.features().containsKey(ItemVectors.TEXT)).count();
    }
}
