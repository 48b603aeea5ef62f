package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.report.Provenance;
import io.stylegraph.training.report.ResourceUsage;

/**
 * k-fold development evaluation on Maryland, for choosing training options without the test slice: the named
 * outfits outside the test slice (the training outfits and the dev slice of {@link MarylandData.Holdout#DEV}) are
 * split into {@code folds} parts by a hash of the set id; each part in turn is held out while the contenders train
 * on the other parts plus every category-only outfit, and is measured with the dev-slice protocol of
 * {@link DevSliceFigures} (FITB any-slot and same-slot, AUC). The report gives each contender's fold mean and its
 * standard error over the folds, and each contender's paired difference from the served settings per fold (same
 * questions on both sides, so the difference is far less noisy than either figure).
 */
public final class DevFolds {

    /** The served settings, what every other contender is compared with. */
    public static final String SERVED = "type-aware (served: blank share " + TypeAwareConfig.SERVED_BLANK_SHARE + ")";
    public static final String NO_BLANKS = "type-aware, blank share 0";
    public static final String WITH_COOCCURRENCE = "type-aware + co-occurrence";
    public static final String PRICED = "type-aware + price band";
    public static final String PRICED_BLEND = "type-aware + price band + co-occurrence";
    public static final String COOCCURRENCE = "co-occurrence (category PMI)";
    /** The co-occurrence blend as a catalogue could be served it: categories guessed from text, no item pairs. */
    public static final String WITH_TEXT_CATEGORIES = "type-aware + co-occurrence, categories from text";
    /** Word overlap of the names alone ({@link WordOverlap}). */
    public static final String WORDS = WordOverlap.NAME;
    /** The weights of word overlap tried beside {@link #WITH_TEXT_CATEGORIES}, each a contender. */
    static final double[] WORD_WEIGHTS = {0.5, 1, 2, 4, 8, 12, 16, 32, 64};
    /** The blank-share-0 model blended as served (text categories and word overlap). */
    public static final String NO_BLANKS_WORDS = NO_BLANKS + " + co-occurrence, categories from text + word overlap";
    /** Weights of the text-category co-occurrence tried with each word weight besides the served one. */
    static final double[] CATEGORY_WEIGHTS = {0.5, 1, 2};
    /** Word-overlap weights tried with the three-seed ensemble. */
    static final double[] ENSEMBLE_WORD_WEIGHTS = {8, 12, 24, 32};
    /** The served blend plus {@link TextCosine} at each of these weights, each a contender. */
    static final double[] TEXT_COSINE_WEIGHTS = {1, 2, 4, 8, 16};
    /** The served blend plus {@link WordPairAffinity} at each of these weights, each a contender. */
    static final double[] WORD_PAIR_WEIGHTS = {0.5, 1, 2, 4, 8};
    /** Word-pair affinity alone. */
    public static final String WORD_PAIRS = WordPairAffinity.NAME;
    /** The served settings reading item names alone, beside a run whose models read another {@link NameText}. */
    public static final String SERVED_NAME = "type-aware (served settings), names only";
    /** The contenders {@code --contenders} can pick, by key; all but {@link #OPT_IN} run when none is picked. */
    public static final Map<String, String> CONTENDERS = contenderKeys();
    /** The contenders that run only when picked. */
    public static final List<String> OPT_IN = optIn();
    public static final List<String> METRICS = List.of("FITB", "FITB same-slot", "AUC");

    /**
     * What to run.
     *
     * @param datasetsDir folder holding {@code polyvore-maryland}
     * @param folds       parts of the named non-test outfits (at least 2)
     * @param seed        training seed
     * @param tuning      training settings that differ from the served ones (applied to every type-aware contender)
     * @param vectorCache file that keeps name vectors between runs; null for none
     * @param textInput   the words of an item whose vector the models read ({@link NameText})
     * @param contenders  keys of {@link #CONTENDERS} to run (the served settings always run, as the baseline); empty
     *                    for every contender but those of {@link #OPT_IN}
     * @param nameVectorCache with {@code served-name}: the file that keeps the name vectors that contender reads
     */
    public record Settings(Path datasetsDir, int folds, long seed, OutfitEvaluation.Tuning tuning, Path vectorCache,
                           NameText textInput, List<String> contenders, Path nameVectorCache) {
        public Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("--dev-folds needs at least 2 folds, not " + folds);
            }
            textInput = textInput == null ? NameText.NAME : textInput;
            contenders = contenders == null ? List.of() : List.copyOf(contenders);
            for (String key : contenders) {
                if (!CONTENDERS.containsKey(key)) {
                    throw new IllegalArgumentException("--contenders takes " + String.join(", ", CONTENDERS.keySet())
                            + ", not '" + key + "'");
                }
            }
            if (contenders.contains("served-name") && textInput == NameText.NAME) {
                throw new IllegalArgumentException("--contenders served-name compares names with another "
                        + "--text-input; with --text-input name it is the served contender itself");
            }
        }

        /** Every contender but those of {@link #OPT_IN}. */
        public Settings(Path datasetsDir, int folds, long seed, OutfitEvaluation.Tuning tuning, Path vectorCache,
                        NameText textInput) {
            this(datasetsDir, folds, seed, tuning, vectorCache, textInput, List.of(), null);
        }

        /** The labels of the contenders to run, the served settings first. */
        public List<String> labels() {
            List<String> labels = new ArrayList<>();
            for (Map.Entry<String, String> c : CONTENDERS.entrySet()) {
                boolean chosen = contenders.isEmpty() ? !OPT_IN.contains(c.getKey())
                        : c.getKey().equals("served") || contenders.contains(c.getKey());
                if (chosen) {
                    labels.add(c.getValue());
                }
            }
            return labels;
        }

        /** Settings whose models read item names alone. */
        public Settings(Path datasetsDir, int folds, long seed, OutfitEvaluation.Tuning tuning, Path vectorCache) {
            this(datasetsDir, folds, seed, tuning, vectorCache, NameText.NAME);
        }
    }

    /** One contender's figure on one fold. */
    public record FoldResult(int fold, int outfits, String contender, Map<String, Double> figures) {
    }

    /** Mean over the folds and its standard error (sample standard deviation over the folds / sqrt(folds)). */
    public record Summary(String contender, String metric, double mean, double standardError,
                          double meanDifferenceFromServed, double differenceStandardError) {
    }

    /** The report: every fold's figures, the summaries, the data and the run's provenance. */
    public record Report(Provenance provenance, Map<String, Object> data, Map<String, String> parameters,
                         List<FoldResult> folds, List<Summary> summaries, List<String> notes,
                         long peakHeapBytes, long peakRssBytes) {
    }

    private DevFolds() {
    }

    private static List<String> optIn() {
        List<String> keys = new ArrayList<>(List.of("served-name", "text-category-blend", "context", "context-blend",
                "context-price", "context-random-negatives", "context-served-blend", "words", "no-blanks-words-blend",
                "word-pairs", "ensemble-2", "ensemble-3", "ensemble-5", "ensemble-mixed"));
        for (double w : ENSEMBLE_WORD_WEIGHTS) {
            keys.add("ensemble-3-words-" + weightText(w));
        }
        for (double w : TEXT_COSINE_WEIGHTS) {
            keys.add("text-cosine-blend-" + weightText(w));
        }
        for (double w : WORD_PAIR_WEIGHTS) {
            keys.add("word-pairs-blend-" + weightText(w));
        }
        for (double c : CATEGORY_WEIGHTS) {
            for (double w : WORD_WEIGHTS) {
                keys.add(wordKey(c, w));
            }
        }
        return List.copyOf(keys);
    }

    /** {@code words-blend-W}, or {@code words-blend-W-categories-C} for a category weight other than the served. */
    static String wordKey(double categoryWeight, double weight) {
        return "words-blend-" + weightText(weight) + (categoryWeight == MarylandEvaluation.BLEND_WEIGHT ? ""
                : "-categories-" + weightText(categoryWeight));
    }

    /** The label of the text-category blend at {@code categoryWeight} plus word overlap at {@code weight}. */
    static String wordLabel(double categoryWeight, double weight) {
        return WITH_TEXT_CATEGORIES + (categoryWeight == MarylandEvaluation.BLEND_WEIGHT ? ""
                : " x" + weightText(categoryWeight)) + " + word overlap x" + weightText(weight);
    }

    /** The served blend over the mean of {@code n} type-aware models of successive seeds. */
    static String ensembleLabel(int n) {
        return "served blend over " + n + " seeds";
    }

    static final String ENSEMBLE_MIXED = "served blend over the served and the blank-share-0 model";

    /** The served blend (text categories and word overlap) plus {@code what} at {@code weight}. */
    static String servedPlus(String what, double weight) {
        return "served blend + " + what + " x" + weightText(weight);
    }

    private static String weightText(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
    }

    private static Map<String, String> contenderKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("served", SERVED);
        keys.put("served-name", SERVED_NAME);
        keys.put("no-blanks", NO_BLANKS);
        keys.put("co-occurrence-blend", WITH_COOCCURRENCE);
        keys.put("text-category-blend", WITH_TEXT_CATEGORIES);
        keys.put("price-band", PRICED);
        keys.put("price-band-blend", PRICED_BLEND);
        keys.put("co-occurrence", COOCCURRENCE);
        keys.put("words", WORDS);
        keys.put("no-blanks-words-blend", NO_BLANKS_WORDS);
        for (double c : CATEGORY_WEIGHTS) {
            for (double w : WORD_WEIGHTS) {
                keys.put(wordKey(c, w), wordLabel(c, w));
            }
        }
        keys.put("word-pairs", WORD_PAIRS);
        for (int n : new int[] {2, 3, 5}) {
            keys.put("ensemble-" + n, ensembleLabel(n));
        }
        keys.put("ensemble-mixed", ENSEMBLE_MIXED);
        for (double w : ENSEMBLE_WORD_WEIGHTS) {
            keys.put("ensemble-3-words-" + weightText(w), ensembleLabel(3) + ", word overlap x" + weightText(w));
        }
        for (double w : TEXT_COSINE_WEIGHTS) {
            keys.put("text-cosine-blend-" + weightText(w), servedPlus(TextCosine.NAME, w));
        }
        for (double w : WORD_PAIR_WEIGHTS) {
            keys.put("word-pairs-blend-" + weightText(w), servedPlus("word-pair affinity", w));
        }
        new java.util.TreeMap<>(OutfitContextContenders.KEYS).forEach(keys::put);
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** The fold (0 … folds-1) of an outfit id: FNV-1a over {@code "fold:" + id}, unsigned, modulo {@code folds}. */
    static int fold(String outfitId, int folds) {
        int hash = 0x811C9DC5;
        for (byte b : ("fold:" + outfitId).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return (int) (Integer.toUnsignedLong(hash) % folds);
    }

    public static Report run(Settings settings, String command, PrintStream out) throws Exception {
        Provenance started = Provenance.start(command);
        ResourceUsage.resetPeaks();
        Path folder = settings.datasetsDir().resolve(MarylandData.FOLDER);
        TextEncoder encoder = new MiniLmTextEncoder();
        List<ExtraVectors> prices = List.of(PriceVectors.read(folder.resolve(MarylandData.VALID_FILE)));
        MarylandData.Loaded loaded = MarylandData.load(folder, encoder, settings.textInput(),
                MarylandData.Holdout.DEV, prices, settings.vectorCache(), out);
        List<OutfitRecord> named = new ArrayList<>(loaded.trainNamed());
        named.addAll(loaded.heldOut());
        List<String> labels = settings.labels();
        List<OutfitRecord> namedByName = List.of();
        List<OutfitRecord> categoryOnlyByName = List.of();
        if (labels.contains(SERVED_NAME)) {
            MarylandData.Loaded byName = MarylandData.load(folder, encoder, NameText.NAME, MarylandData.Holdout.DEV,
                    prices, settings.nameVectorCache(), out);
            namedByName = new ArrayList<>(byName.trainNamed());
            namedByName.addAll(byName.heldOut());
            categoryOnlyByName = byName.trainCategoryOnly();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("named outfits split into folds (outfits-valid.jsonl outside the test slice)", named.size());
        data.put("of which the former dev slice", loaded.heldOut().size());
        if (settings.textInput() != NameText.NAME) {
            data.put("text feature", "MiniLM vectors of each item's name and category (" + settings.textInput()
                    .wireName() + ")");
        }
        data.put("category-only training outfits (outfits-train-categories.jsonl, in every fold's training)",
                loaded.trainCategoryOnly().size());
        data.put("folds", settings.folds());
        data.put("text encoder", encoder.modelId() + (settings.textInput() == NameText.NAME ? ", item names only"
                : labels.contains(SERVED_NAME) ? ", " + settings.textInput().wireName() + " (and item names alone for '"
                + SERVED_NAME + "')" : ", " + settings.textInput().wireName()));
        UnaryOperator<ItemVectors> noPrice = i -> i.withoutFeature(PriceVectors.FEATURE);
        TypeAwareConfig served = settings.tuning().apply(TypeAwareConfig.served().withSeed(settings.seed()));
        TypeAwareConfig noBlanks = served.withBlankShare(0);
        Map<String, String> parameters = new LinkedHashMap<>(served.parameters());
        parameters.put("benchmarkSeed", Long.toString(DevSliceFigures.SEED));
        parameters.put("blendWeight", Double.toString(MarylandEvaluation.BLEND_WEIGHT));
        OutfitContextConfig context = settings.tuning().context(settings.seed());
        boolean anyContext = labels.stream().anyMatch(OutfitContextContenders.KEYS::containsValue);
        if (anyContext) {
            parameters.putAll(context.parameters());
        }

        List<FoldResult> results = new ArrayList<>();
        for (int f = 0; f < settings.folds(); f++) {
            List<OutfitRecord> heldOut = new ArrayList<>();
            List<OutfitRecord> train = new ArrayList<>(loaded.trainCategoryOnly());
            for (OutfitRecord outfit : named) {
                (fold(outfit.id(), settings.folds()) == f ? heldOut : train).add(outfit);
            }
            out.printf(Locale.ROOT, "== fold %d/%d: %d held out, %d training outfits%n", f + 1, settings.folds(),
                    heldOut.size(), train.size());
            List<OutfitRecord> trainNoPrice = train.stream().map(o -> o.map(noPrice)).toList();
            List<OutfitRecord> heldOutNoPrice = heldOut.stream().map(o -> o.map(noPrice)).toList();
            TypeAwareModel servedModel = train(SERVED, served, trainNoPrice, out);
            CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train);
            Map<String, CompatibilityModel> contenders = new LinkedHashMap<>();
            Map<String, List<OutfitRecord>> measuredOn = new LinkedHashMap<>();
            contenders.put(SERVED, servedModel);
            if (labels.contains(SERVED_NAME)) {
                // the same outfits and folds, each item read by its name alone: a paired comparison of the words
                List<OutfitRecord> nameTrain = new ArrayList<>(categoryOnlyByName);
                List<OutfitRecord> nameHeldOut = new ArrayList<>();
                for (OutfitRecord outfit : namedByName) {
                    (fold(outfit.id(), settings.folds()) == f ? nameHeldOut : nameTrain).add(outfit);
                }
                contenders.put(SERVED_NAME, train(SERVED_NAME, served,
                        nameTrain.stream().map(o -> o.map(noPrice)).toList(), out));
                measuredOn.put(SERVED_NAME, nameHeldOut.stream().map(o -> o.map(noPrice)).toList());
            }
            if (labels.contains(NO_BLANKS) || labels.contains(NO_BLANKS_WORDS)) {
                TypeAwareModel noBlanksModel = train(NO_BLANKS, noBlanks, trainNoPrice, out);
                if (labels.contains(NO_BLANKS)) {
                    contenders.put(NO_BLANKS, noBlanksModel);
                }
                if (labels.contains(NO_BLANKS_WORDS)) {
                    contenders.put(NO_BLANKS_WORDS,
                            ServingModelTrainer.withServedBlends(noBlanksModel, trainNoPrice).served());
                }
            }
            if (labels.contains(WITH_COOCCURRENCE)) {
                contenders.put(WITH_COOCCURRENCE, new BlendedCompatibility(WITH_COOCCURRENCE,
                        List.of(servedModel, cooccurrence), new double[] {1, MarylandEvaluation.BLEND_WEIGHT}));
            }
            if (labels.contains(WITH_TEXT_CATEGORIES)) {
                contenders.put(WITH_TEXT_CATEGORIES, new BlendedCompatibility(WITH_TEXT_CATEGORIES,
                        List.of(servedModel, TextCategoryCooccurrence.fit(trainNoPrice)),
                        new double[] {1, MarylandEvaluation.BLEND_WEIGHT}));
            }
            if (labels.contains(WORDS) || labels.stream().anyMatch(l -> l.contains(" + word overlap x"))) {
                WordOverlap words = WordOverlap.fitOutfits(trainNoPrice);
                if (labels.contains(WORDS)) {
                    contenders.put(WORDS, words);
                }
                TextCategoryCooccurrence textCategories = TextCategoryCooccurrence.fit(trainNoPrice);
                for (double c : CATEGORY_WEIGHTS) {
                    for (double w : WORD_WEIGHTS) {
                        if (labels.contains(wordLabel(c, w))) {
                            contenders.put(wordLabel(c, w), new BlendedCompatibility(wordLabel(c, w),
                                    List.of(servedModel, textCategories, words), new double[] {1, c, w}));
                        }
                    }
                }
            }
            if (labels.stream().anyMatch(l -> l.startsWith("served blend + ")) || labels.contains(WORD_PAIRS)) {
                CompatibilityModel servedBlend = ServingModelTrainer.withServedBlends(servedModel, trainNoPrice)
                        .served();
                WordPairAffinity wordPairs = WordPairAffinity.fit(trainNoPrice);
                out.printf(Locale.ROOT, "word pairs with a positive PPMI: %d%n", wordPairs.pairs());
                if (labels.contains(WORD_PAIRS)) {
                    contenders.put(WORD_PAIRS, wordPairs);
                }
                for (double w : TEXT_COSINE_WEIGHTS) {
                    String label = servedPlus(TextCosine.NAME, w);
                    if (labels.contains(label)) {
                        contenders.put(label, new BlendedCompatibility(label, List.of(servedBlend, new TextCosine()),
                                new double[] {1, w}));
                    }
                }
                for (double w : WORD_PAIR_WEIGHTS) {
                    String label = servedPlus("word-pair affinity", w);
                    if (labels.contains(label)) {
                        contenders.put(label, new BlendedCompatibility(label, List.of(servedBlend, wordPairs),
                                new double[] {1, w}));
                    }
                }
            }
            List<TypeAwareModel> seeds = new ArrayList<>(List.of(servedModel));
            for (int n : new int[] {2, 3, 5}) {
                if (labels.contains(ensembleLabel(n))) {
                    while (seeds.size() < n) {
                        seeds.add(train("seed " + (seeds.size() + 1), served.withSeed(served.seed() + seeds.size()),
                                trainNoPrice, out));
                    }
                    contenders.put(ensembleLabel(n), ensemble(seeds.subList(0, n), trainNoPrice));
                }
            }
            for (double w : ENSEMBLE_WORD_WEIGHTS) {
                String label = ensembleLabel(3) + ", word overlap x" + weightText(w);
                if (labels.contains(label)) {
                    while (seeds.size() < 3) {
                        seeds.add(train("seed " + (seeds.size() + 1), served.withSeed(served.seed() + seeds.size()),
                                trainNoPrice, out));
                    }
                    contenders.put(label, TypeAwareModel.ensemble(seeds.subList(0, 3))
                            .withTextCategoryBlend(new TypeAwareModel.TextCategoryBlend(
                                    TextCategoryCooccurrence.fit(trainNoPrice), MarylandEvaluation.BLEND_WEIGHT))
                            .withWordBlend(new TypeAwareModel.WordBlend(WordOverlap.fitOutfits(trainNoPrice), w))
                            .served());
                }
            }
            if (labels.contains(ENSEMBLE_MIXED)) {
                contenders.put(ENSEMBLE_MIXED, ensemble(
                        List.of(servedModel, train(NO_BLANKS, noBlanks, trainNoPrice, out)), trainNoPrice));
            }
            if (labels.contains(PRICED) || labels.contains(PRICED_BLEND)) {
                TypeAwareModel pricedModel = train(PRICED, served, train, out);
                if (labels.contains(PRICED)) {
                    contenders.put(PRICED, pricedModel);
                }
                if (labels.contains(PRICED_BLEND)) {
                    contenders.put(PRICED_BLEND, new BlendedCompatibility(PRICED_BLEND,
                            List.of(pricedModel, cooccurrence), new double[] {1, MarylandEvaluation.BLEND_WEIGHT}));
                }
            }
            if (labels.contains(COOCCURRENCE)) {
                contenders.put(COOCCURRENCE, cooccurrence);
            }
            contenders.putAll(OutfitContextContenders.train(labels, context, train, trainNoPrice,
                    new OutfitContextContenders.Blended(servedModel, cooccurrence,
                            labels.contains(OutfitContextContenders.CONTEXT_SERVED_BLEND)
                                    ? ServingModelTrainer.withServedBlends(servedModel, trainNoPrice).served()
                                    : null), out));
            for (Map.Entry<String, CompatibilityModel> contender : contenders.entrySet()) {
                boolean readsPrice = contender.getKey().startsWith(PRICED)
                        || OutfitContextContenders.readsPrice(contender.getKey());
                DevSliceFigures dev = DevSliceFigures.measure(contender.getValue(), measuredOn.getOrDefault(
                        contender.getKey(), readsPrice ? heldOut : heldOutNoPrice));
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put(METRICS.get(0), dev.fitb());
                figures.put(METRICS.get(1), dev.fitbSameSlot());
                figures.put(METRICS.get(2), dev.auc());
                results.add(new FoldResult(f, dev.outfits(), contender.getKey(), figures));
                out.printf(Locale.ROOT, "fold %d %s: FITB %.4f, same-slot %.4f, AUC %.4f%n", f + 1,
                        contender.getKey(), dev.fitb(), dev.fitbSameSlot(), dev.auc());
            }
        }
        List<Summary> summaries = summarize(results, settings.folds());
        List<String> notes = new ArrayList<>(List.of(
                "Each fold holds out about 1/" + settings.folds() + " of the " + named.size() + " named outfits "
                        + "(FNV-1a of \"fold:\" + outfit id); the test slice (FNV-1a(set_id) mod 10 in 0-2) is in no "
                        + "fold and in no training set.",
                "Questions are drawn as in evaluate-outfits (4 candidates, seed " + DevSliceFigures.SEED + "), within "
                        + "the held-out fold; every contender answers the same questions, so the paired difference "
                        + "from '" + SERVED + "' per fold has a much smaller standard error than either mean.",
                "Standard error = sample standard deviation over the folds / sqrt(folds).",
                "Catalogue items carry no price, so the service cannot serve the price-band rows; "
                        + "'+ co-occurrence' adds the category PMI pair score with weight "
                        + MarylandEvaluation.BLEND_WEIGHT + "."));
        if (anyContext) {
            notes.addAll(OutfitContextContenders.notes(context));
        }
        if (labels.contains(WITH_TEXT_CATEGORIES)) {
            notes.add("'" + WITH_TEXT_CATEGORIES + "' is the co-occurrence blend as the service could serve it on a "
                    + "catalogue: each held-out item takes the training category whose mean text vector is nearest "
                    + "its own, and only category pairs count (no item pairs).");
        }
        if (labels.contains(SERVED_NAME)) {
            notes.add("'" + SERVED_NAME + "' trains with the served settings on the same outfits and folds, each item "
                    + "read by its name alone, and answers the same questions: its Δ is name minus "
                    + settings.textInput().wireName() + ".");
        }
        return new Report(started.finish(), data, parameters, results, summaries, notes,
                ResourceUsage.peakHeapBytes(), ResourceUsage.peakRssBytes());
    }

    /** The models joined as one ({@link TypeAwareModel#ensemble}), carrying the served blends fitted on {@code train}. */
    private static CompatibilityModel ensemble(List<TypeAwareModel> models, List<OutfitRecord> train) {
        return ServingModelTrainer.withServedBlends(TypeAwareModel.ensemble(models), train).served();
    }

    private static TypeAwareModel train(String label, TypeAwareConfig config, List<OutfitRecord> train,
                                        PrintStream out) {
        long start = System.nanoTime();
        TypeAwareModel model = new TypeAwareTrainer(config).train(train, null);
        out.printf(Locale.ROOT, "[%s] trained in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
        return model;
    }

    static List<Summary> summarize(List<FoldResult> results, int folds) {
        List<Summary> summaries = new ArrayList<>();
        List<String> contenders = results.stream().map(FoldResult::contender).distinct().toList();
        for (String contender : contenders) {
            for (String metric : METRICS) {
                double[] values = new double[folds];
                double[] differences = new double[folds];
                for (FoldResult r : results) {
                    if (r.contender().equals(contender)) {
                        values[r.fold()] = r.figures().get(metric);
                        differences[r.fold()] += r.figures().get(metric);
                    } else if (r.contender().equals(SERVED)) {
                        differences[r.fold()] -= r.figures().get(metric);
                    }
                }
                if (contender.equals(SERVED)) {
                    differences = new double[folds];
                }
                summaries.add(new Summary(contender, metric, mean(values), standardError(values),
                        mean(differences), standardError(differences)));
            }
        }
        return summaries;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation / sqrt(n). */
    static double standardError(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1)) / Math.sqrt(values.length);
    }
}
