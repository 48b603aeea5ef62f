package io.stylegraph.training.cli;

import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.outfit.CompatibilityModel;
import io.stylegraph.training.outfit.CooccurrenceModel;
import io.stylegraph.training.outfit.DisjointData;
import io.stylegraph.training.outfit.ItemVectors;
import io.stylegraph.training.outfit.MarylandData;
import io.stylegraph.training.outfit.OutfitBenchmark;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.RandomCompatibility;
import io.stylegraph.training.outfit.TextVectors;
import io.stylegraph.training.outfit.TypeAwareConfig;
import io.stylegraph.training.outfit.TypeAwareModel;
import io.stylegraph.training.outfit.TypeAwareTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code evaluate-outfits}: trains the type-aware compatibility model on a Polyvore dataset, measures it with
 * fill-in-the-blank and compatibility AUC beside a co-occurrence model and a random scorer, and writes
 * {@code evaluate-outfits-<dataset>.json} and {@code .md}. With {@code --outfits FILE} the model trained on
 * Maryland (or loaded with {@code --model}) is measured on another outfits file of the {@code outfits-valid.jsonl}
 * format instead. The benchmark questions come from a fixed seed ({@code --benchmark-seed}), independent of the
 * training seed, so runs with different seeds answer the same questions.
 */
@Command(name = "evaluate-outfits", mixinStandardHelpOptions = true,
        description = "Train and evaluate the outfit compatibility model (fill-in-the-blank, AUC) and write a report.")
public final class EvaluateOutfitsCommand implements Callable<Integer> {

    static final String MARYLAND = MarylandData.FOLDER;
    static final String DISJOINT = DisjointData.FOLDER;

    @Option(names = "--dataset", required = true,
            description = "polyvore-maryland or polyvore-outfits-disjoint")
    String dataset;

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "folder holding the public datasets by name (default: ${DEFAULT-VALUE})")
    Path datasetsDir;

    @Option(names = "--report-dir", defaultValue = "reports", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--outfits", description = "evaluate on this outfits file (outfits-valid.jsonl format) instead "
            + "of the held-out slice; polyvore-maryland only")
    Path outfits;

    @Option(names = "--model", description = "load this trained model instead of training one")
    Path modelIn;

    @Option(names = "--model-out", description = "save the trained model to this file")
    Path modelOut;

    @Option(names = "--epochs", description = "training epochs (default 20 on Maryland, 10 on the disjoint set)")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "42", description = "training seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--benchmark-seed", defaultValue = "2017",
            description = "seed of the blanks, candidates and replacements (default: ${DEFAULT-VALUE})")
    long benchmarkSeed;

    @Option(names = "--dimension", description = "size of the general space (default 64)")
    Integer dimension;

    @Option(names = "--learning-rate", description = "Adam step size (default 0.005)")
    Double learningRate;

    @Option(names = "--same-type-share", description = "share of training replacements of the same slot (default 0.5)")
    Double sameTypeShare;

    @Option(names = "--category-dropout", description = "share of training items shown without category (default 0.2)")
    Double categoryDropout;

    @Option(names = "--content-repeats", description = "examples per epoch from each named outfit (default 4)")
    Integer contentRepeats;

    @Option(names = "--weight-decay", description = "decoupled weight decay (default 1e-4)")
    Double weightDecay;

    @Option(names = "--scale", description = "slope of the logistic loss (default 4)")
    Double scale;

    @Option(names = "--holdout", defaultValue = "test",
            description = "test (the fixed 30 %% slice) or dev (a 10 %% tuning slice; the test slice stays unused)")
    String holdoutName;

    private MarylandData.Holdout holdout;

    @Option(names = "--vector-cache", description = "file that keeps name vectors between runs (derived data; "
            + "do not commit)")
    Path vectorCache;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    public EvaluateOutfitsCommand() {
        this(System.out);
    }

    EvaluateOutfitsCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateOutfitsCommand()).execute(args));
    }

    /** A model seen through a change of its items (e.g. with the category hidden), under a label. */
    private record Contender(String label, CompatibilityModel model, UnaryOperator<ItemVectors> view) {
        static Contender of(CompatibilityModel model) {
            return new Contender(model.name(), model, UnaryOperator.identity());
        }
    }

    /** What one run collects for the report. */
    private final class Run {
        final Instant startedAt = Instant.now();
        final Map<String, Object> data = new LinkedHashMap<>();
        final Map<String, String> parameters = new LinkedHashMap<>();
        final List<OutfitEvaluationReport.Result> results = new ArrayList<>();
        final List<OutfitEvaluationReport.Epoch> epochs = new ArrayList<>();
        final Map<String, Double> timings = new LinkedHashMap<>();
        final List<String> anchors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    @Override
    public Integer call() throws Exception {
        if (!dataset.equals(MARYLAND) && !dataset.equals(DISJOINT)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown dataset '" + dataset
                    + "'; known: " + MARYLAND + ", " + DISJOINT);
        }
        if (outfits != null && !dataset.equals(MARYLAND)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--outfits evaluates a model trained on " + MARYLAND + "; use it with --dataset " + MARYLAND);
        }
        try {
            holdout = MarylandData.Holdout.valueOf(holdoutName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--holdout is test or dev, not '"
                    + holdoutName + "'");
        }
        ResourceUsage.resetPeaks();
        Run run = new Run();
        if (dataset.equals(MARYLAND)) {
            maryland(run);
        } else {
            disjoint(run);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        OutfitEvaluationReport report = new OutfitEvaluationReport(dataset, commandLine(), GitRevision.current(),
                run.startedAt.toString(), Instant.now().toString(),
                new EvaluationReport.Machine(cores, ResourceUsage.maxHeapBytes(), System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                run.data, run.parameters, run.results, run.epochs, run.timings, ResourceUsage.peakHeapBytes(),
                ResourceUsage.peakRssBytes(), run.anchors, run.notes);
        Path[] written = OutfitReportWriter.write(report, reportDir, reportName());
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    String reportName() {
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
        return name.toString();
    }

    private String commandLine() {
        List<String> args = spec == null || spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        int name = args.indexOf(spec.name());
        if (name >= 0) {
            args = args.subList(name + 1, args.size()); // run as a subcommand: the parent's arguments come first
        }
        return "./stylegraph evaluate-outfits " + String.join(" ", args);
    }

    private TypeAwareConfig config(TypeAwareConfig base) {
        TypeAwareConfig config = base.withSeed(seed);
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
        return config;
    }

    // ---- Maryland ----

    private void maryland(Run run) throws Exception {
        Path folder = datasetsDir.resolve(MARYLAND);
        out.printf("loading %s from %s (held out: %s)%n", MARYLAND, folder, holdout);
        long loadStart = System.nanoTime();
        TextEncoder encoder = new MiniLmTextEncoder();
        MarylandData.Loaded loaded = MarylandData.load(folder, encoder, holdout, List.of(), vectorCache, out);
        run.timings.put("load and encode seconds", seconds(loadStart));
        TextVectors.Stats text = loaded.textStats();
        run.timings.put("names encoded", (double) text.encoded());
        run.timings.put("names from cache", (double) text.fromCache());
        if (text.encoded() > 0) {
            run.timings.put("name encoding seconds", text.seconds());
            run.timings.put("names encoded per second", text.perSecond());
        }
        List<OutfitRecord> train = loaded.train();
        out.printf(Locale.ROOT, "train: %d named + %d category-only outfits; held out (%s): %d; category-only test: "
                        + "%d%n", loaded.trainNamed().size(), loaded.trainCategoryOnly().size(), holdout,
                loaded.heldOut().size(), loaded.testCategoryOnly().size());
        run.data.put("training outfits, named (outfits-valid.jsonl outside the held-out slice)",
                loaded.trainNamed().size());
        run.data.put("training outfits, category only (outfits-train-categories.jsonl)",
                loaded.trainCategoryOnly().size());
        run.data.put("held-out slice", holdout == MarylandData.Holdout.TEST
                ? "test: outfits-valid.jsonl outfits whose FNV-1a(set_id) mod 10 is 0, 1 or 2"
                : "dev: outfits-valid.jsonl outfits whose FNV-1a(set_id) mod 10 is 3 (test slice excluded from "
                + "training too)");
        run.data.put("held-out outfits", loaded.heldOut().size());
        run.data.put("held-out items", items(loaded.heldOut()));
        run.data.put("held-out items with a name", withText(loaded.heldOut()));
        run.data.put("category-only test outfits (outfits-test-categories.jsonl)", loaded.testCategoryOnly().size());
        run.data.put("text encoder", encoder.modelId() + " (" + encoder.dimension() + "-d), item names only");

        TypeAwareModel model = typeAware(run, train, TypeAwareConfig.defaults());
        CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train);
        RandomCompatibility random = new RandomCompatibility(benchmarkSeed);
        Contender full = new Contender("type-aware", model, UnaryOperator.identity());
        Contender noCategory = new Contender("type-aware, text + slot (no category)", model,
                ItemVectors::withoutCategory);
        Contender noText = new Contender("type-aware, category only (no text)", model,
                i -> i.withoutFeature(ItemVectors.TEXT));
        Contender cooc = new Contender("co-occurrence (category PMI)", cooccurrence, UnaryOperator.identity());
        Contender rnd = new Contender("random scorer", random, UnaryOperator.identity());
        List<Contender> named = List.of(full, noCategory, noText, cooc, rnd);

        long evalStart = System.nanoTime();
        if (outfits != null) {
            TextVectors.Stats[] stats = new TextVectors.Stats[1];
            List<OutfitRecord> other = MarylandData.loadNamed(outfits, loaded.categories(), encoder, List.of(),
                    vectorCache, out, stats);
            run.data.put("evaluated outfits file", outfits.toString());
            run.data.put("evaluated outfits", other.size());
            run.data.put("evaluated items", items(other));
            run.data.put("evaluated items with a name", withText(other));
            String where = outfits.getFileName().toString();
            benchmarks(run, where, other, named, true);
        } else {
            String where = holdout == MarylandData.Holdout.TEST ? "held-out slice" : "dev slice";
            benchmarks(run, where, loaded.heldOut(), named, true);
            if (!loaded.testCategoryOnly().isEmpty() && holdout == MarylandData.Holdout.TEST) {
                benchmarks(run, "Maryland test split, categories only", loaded.testCategoryOnly(),
                        List.of(full, cooc, rnd), false);
            }
        }
        run.timings.put("evaluation seconds", seconds(evalStart));
        List<OutfitRecord> throughputSet = outfits != null ? List.of() : loaded.heldOut();
        if (!throughputSet.isEmpty()) {
            long start = System.nanoTime();
            int scored = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                OutfitBenchmark.scores(model, throughputSet);
                scored += throughputSet.size();
            }
            run.timings.put("type-aware outfits scored per second (one thread, item vectors given)",
                    scored / seconds(start));
        }

        run.anchors.add("Maryland Polyvore FITB 68.6 %: Bi-LSTM with images (Han et al., ACM MM 2017), on the "
                + "full Maryland test split with its own FITB questions.");
        run.notes.add("This model sees no images: item names through " + encoder.modelId()
                + " plus learned category and slot embeddings. Names of the 15,870 category-only training outfits "
                + "are not in the data, so the text part learns from the named outfits of outfits-valid.jsonl only.");
        if (outfits != null) {
            run.notes.add("Evaluated on " + outfits.getFileName() + " with the model trained on Maryland (or "
                    + "loaded with --model); outfits of that file that were also training outfits make the figures "
                    + "optimistic.");
        } else {
            run.notes.add("The held-out slice is 30 % of outfits-valid.jsonl (a fixed hash of set_id), a few "
                    + "hundred outfits, not Maryland's test split, and its FITB questions are drawn here (seeded), "
                    + "not the published ones: compare with the anchor as a rough guide, not a like-for-like "
                    + "result. The category-only rows use Maryland's own test split (outfits-test-categories.jsonl) "
                    + "with the same protocol, but without names.");
        }
        run.results.stream().filter(r -> r.metric().startsWith("FITB")).findFirst().ifPresent(r -> {
            double p = r.scores().get(full.label());
            run.notes.add(String.format(Locale.ROOT, "Sampling noise: with %d questions, a FITB accuracy of %.1f %% "
                    + "has a standard error of about %.1f points, so rows a few points apart are not clearly "
                    + "different.", r.count(), 100 * p, 100 * Math.sqrt(p * (1 - p) / r.count())));
        });
        run.notes.add("FITB draws 3 distractors from other held-out outfits at random, of any slot (as in Han et "
                + "al.), so a wrong slot gives many answers away; the same-slot variant removes that cue. AUC: "
                + "each real outfit against the same outfit with every item replaced by a random item of another "
                + "held-out outfit (any slot, or same slot).");
        run.notes.add("'text + slot (no category)' scores the same model with categories hidden: what a catalogue "
                + "with titles but without Polyvore categories (the demo catalogue) gets. 'category only' hides "
                + "the names instead.");
        run.notes.add("The random scorer ranks by a seeded hash of the items: its figures are chance measured on "
                + "the very same questions; 'chance' is the expected value (1/4 or 0.5).");
    }

    private void benchmarks(Run run, String where, List<OutfitRecord> outfits, List<Contender> contenders,
                            boolean sameType) {
        List<OutfitBenchmark.FitbQuestion> any = OutfitBenchmark.fitbQuestions(outfits, 4,
                OutfitBenchmark.Draw.ANY_TYPE, benchmarkSeed);
        fitb(run, "FITB, " + where, "one item blanked per outfit (seeded); 4 candidates: the true item and 3 "
                + "random items of other outfits of the same set, any slot", any, contenders);
        if (sameType) {
            List<OutfitBenchmark.FitbQuestion> same = OutfitBenchmark.fitbQuestions(outfits, 4,
                    OutfitBenchmark.Draw.SAME_TYPE, benchmarkSeed);
            fitb(run, "FITB same-slot distractors, " + where, "as above, but the 3 distractors have the blank's "
                    + "slot", same, contenders);
        }
        auc(run, "AUC, " + where, "real outfits vs the same outfits with every item replaced by a random item of "
                + "another outfit of the same set, any slot", outfits,
                OutfitBenchmark.replaced(outfits, OutfitBenchmark.Draw.ANY_TYPE, benchmarkSeed), contenders);
        if (sameType) {
            auc(run, "AUC same-slot replacements, " + where, "as above, each replacement of the replaced item's "
                    + "slot (the outfit keeps its slot sequence)", outfits,
                    OutfitBenchmark.replaced(outfits, OutfitBenchmark.Draw.SAME_TYPE, benchmarkSeed), contenders);
        }
    }

    private void fitb(Run run, String benchmark, String protocol, List<OutfitBenchmark.FitbQuestion> questions,
                      List<Contender> contenders) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Contender c : contenders) {
            List<OutfitBenchmark.FitbQuestion> seen = questions.stream().map(q -> q.map(c.view())).toList();
            scores.put(c.label(), OutfitBenchmark.fitbAccuracy(c.model(), seen));
        }
        print(benchmark, "FITB accuracy", questions.size(), scores);
        run.results.add(new OutfitEvaluationReport.Result(benchmark, "FITB accuracy", protocol, questions.size(),
                0.25, scores));
    }

    private void auc(Run run, String benchmark, String protocol, List<OutfitRecord> positives,
                     List<OutfitRecord> negatives, List<Contender> contenders) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Contender c : contenders) {
            scores.put(c.label(), OutfitBenchmark.auc(c.model(),
                    positives.stream().map(o -> o.map(c.view())).toList(),
                    negatives.stream().map(o -> o.map(c.view())).toList()));
        }
        print(benchmark, "AUC", positives.size(), scores);
        run.results.add(new OutfitEvaluationReport.Result(benchmark, "AUC", protocol, positives.size(), 0.5, scores));
    }

    private void print(String benchmark, String metric, int count, Map<String, Double> scores) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s (%s, n=%d):", benchmark, metric, count));
        scores.forEach((label, value) -> line.append(String.format(Locale.ROOT, " %s %.4f;", label, value)));
        out.println(line);
    }

    private TypeAwareModel typeAware(Run run, List<OutfitRecord> train, TypeAwareConfig base) throws Exception {
        TypeAwareModel model;
        if (modelIn != null) {
            out.printf("loading the model from %s%n", modelIn);
            model = TypeAwareModel.load(modelIn);
            run.parameters.put("model", modelIn.toString());
            run.parameters.putAll(model.parameters());
        } else {
            TypeAwareConfig config = config(base);
            run.parameters.putAll(config.parameters());
            out.printf("== type-aware %s%n", config.parameters());
            long start = System.nanoTime();
            model = new TypeAwareTrainer(config).train(train, summary -> {
                run.epochs.add(new OutfitEvaluationReport.Epoch(summary.epoch(), summary.loss(), summary.seconds(),
                        summary.examples()));
                out.printf(Locale.ROOT, "[type-aware] epoch %d loss %.5f (%.2f s, %d examples)%n", summary.epoch(),
                        summary.loss(), summary.seconds(), summary.examples());
            });
            double seconds = seconds(start);
            run.timings.put("training seconds", seconds);
            run.timings.put("seconds per epoch", run.epochs.stream()
                    .mapToDouble(OutfitEvaluationReport.Epoch::seconds).average().orElse(0));
        }
        run.parameters.put("benchmarkSeed", Long.toString(benchmarkSeed));
        run.parameters.put("types", String.join(" ", model.types()));
        if (modelOut != null) {
            model.save(modelOut);
            out.printf("saved the model to %s%n", modelOut);
            run.parameters.put("modelOut", modelOut.toString());
        }
        return model;
    }

    // ---- Polyvore Outfits (disjoint) ----

    private void disjoint(Run run) throws Exception {
        Path folder = datasetsDir.resolve(DISJOINT);
        out.printf("loading %s from %s%n", DISJOINT, folder);
        long loadStart = System.nanoTime();
        List<List<String>> itemIds = DisjointData.itemIds(folder);
        DisjointData.Split train = DisjointData.split(folder, "train", itemIds);
        DisjointData.Split valid = DisjointData.split(folder, "valid", itemIds);
        DisjointData.Split test = DisjointData.split(folder, "test", itemIds);
        run.timings.put("load seconds", seconds(loadStart));
        long testItems = items(test.positives());
        long seenTest = DisjointData.seenOccurrences(test.positives(), train.positives());
        long validItems = items(valid.positives());
        long seenValid = DisjointData.seenOccurrences(valid.positives(), train.positives());
        run.data.put("training outfits (train_pos)", train.positives().size());
        run.data.put("valid outfits (valid_pos / valid_neg)", valid.positives().size() + " / "
                + valid.negatives().size());
        run.data.put("test outfits (test_pos / test_neg)", test.positives().size() + " / " + test.negatives().size());
        run.data.put("test item occurrences whose item occurs in train_pos", String.format(Locale.ROOT,
                "%d of %d (%.2f %%)", seenTest, testItems, 100.0 * seenTest / Math.max(1, testItems)));
        run.data.put("valid item occurrences whose item occurs in train_pos", String.format(Locale.ROOT,
                "%d of %d (%.2f %%)", seenValid, validItems, 100.0 * seenValid / Math.max(1, validItems)));
        run.data.put("test rows whose negative has the positive's category sequence", String.format(Locale.ROOT,
                "%d of %d", DisjointData.sameTypeSequence(test.positives(), test.negatives()),
                test.positives().size()));
        out.printf(Locale.ROOT, "train %d outfits; valid %d+%d; test %d+%d; test items seen in training %d of %d%n",
                train.positives().size(), valid.positives().size(), valid.negatives().size(),
                test.positives().size(), test.negatives().size(), seenTest, testItems);

        TypeAwareModel model = typeAware(run, train.positives(),
                TypeAwareConfig.defaults().withItemEmbeddings(true).withCategoryDropout(0).withEpochs(10));
        CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train.positives());
        List<Contender> contenders = List.of(
                new Contender("type-aware (category + item embeddings)", model, UnaryOperator.identity()),
                new Contender("co-occurrence (category + item PMI)", cooccurrence, UnaryOperator.identity()),
                new Contender("random scorer", new RandomCompatibility(benchmarkSeed), UnaryOperator.identity()));
        long evalStart = System.nanoTime();
        auc(run, "AUC, test_pos vs test_neg", "the data set's own compatibility test: each positive outfit "
                + "against the negative of the same row (same length and category sequence)", test.positives(),
                test.negatives(), contenders);
        auc(run, "AUC, valid_pos vs valid_neg", "the same on the validation files (more of their items occur in "
                + "training)", valid.positives(), valid.negatives(), contenders);
        auc(run, "AUC, train_pos vs train_neg (fit, not generalization)", "the training outfits themselves "
                + "against train_neg: how well the model fits the outfits it learned from", train.positives(),
                train.negatives(), contenders);
        run.timings.put("evaluation seconds", seconds(evalStart));
        long start = System.nanoTime();
        OutfitBenchmark.scores(model, test.positives());
        run.timings.put("type-aware outfits scored per second (one thread)",
                test.positives().size() / seconds(start));

        run.anchors.add("Polyvore Outfits (disjoint) compatibility AUC 0.86: type-aware embeddings with images "
                + "(and text) (Vasileva et al., ECCV 2018).");
        run.notes.add("The model and the co-occurrence baseline see only the 11 categories and which training "
                + "outfits items share; no images, no names (the data has neither).");
        run.notes.add("In this data each negative keeps its positive's length and category sequence and is made of "
                + "items of the same split's positive outfits, so category statistics cannot tell the two apart; "
                + "and the disjoint split shares almost no items between train and test (see Data), so item "
                + "co-occurrence learned from train_pos has next to nothing to say about test outfits. Both models "
                + "therefore land at chance on the test files. This is a property of the benchmark for a "
                + "content-free model, not a failure to train: the train rows show what the same models do on "
                + "items they have seen.");
        run.notes.add("Counting co-occurrence inside the test files themselves would read the answer off "
                + "test_pos, so nothing is learned from valid or test rows.");
        run.notes.add("The random scorer ranks by a seeded hash of the items: its figure is chance measured on the "
                + "very same rows; 'chance' is the expected value 0.5. Ties (equal scores) count one half in AUC.");
    }

    private static long items(List<OutfitRecord> outfits) {
        return outfits.stream().mapToLong(OutfitRecord::size).sum();
    }

    private static long withText(List<OutfitRecord> outfits) {
        return outfits.stream().flatMap(o -> o.items().stream())
                .filter(i -> i.features().containsKey(ItemVectors.TEXT)).count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
