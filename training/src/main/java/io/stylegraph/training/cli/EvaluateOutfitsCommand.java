package io.stylegraph.training.cli;

import io.stylegraph.training.outfit.DevFolds;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.MarylandData;
import io.stylegraph.training.outfit.OutfitEvaluation;
import io.stylegraph.training.outfit.OutfitEvaluationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evaluate-outfits}: reads the options, runs {@link OutfitEvaluation} (the type-aware compatibility model on a
 * Polyvore dataset, fill-in-the-blank and compatibility AUC beside a co-occurrence model and a random scorer) and
 * writes {@code evaluate-outfits-<dataset>.json} and {@code .md}. With {@code --outfits FILE} the model trained on
 * Maryland (or loaded with {@code --model}) is measured on another outfits file of the {@code outfits-valid.jsonl}
 * format instead.
 */
@Command(name = "evaluate-outfits", mixinStandardHelpOptions = true,
        description = "Train and evaluate the outfit compatibility model (fill-in-the-blank, AUC) and write a report.")
public final class EvaluateOutfitsCommand implements Callable<Integer> {

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

    @Option(names = "--blank-share", description = "share of training examples that are blank-filling questions "
            + "(softmax of the hidden item among replacements) instead of ranking two corrupted outfits")
    Double blankShare;

    @Option(names = "--blank-candidates", description = "candidates per blank-filling question, the hidden item "
            + "included")
    Integer blankCandidates;

    @Option(names = "--context-epochs", description = "epochs of the outfit context model (default 8)")
    Integer contextEpochs;

    @Option(names = "--context-dimension", description = "embedding width of the outfit context model (default 64)")
    Integer contextDimension;

    @Option(names = "--context-same-slot-negatives", description = "of the outfit context model's 6 distractors per "
            + "training question, how many have the hidden item's slot (default 3)")
    Integer contextSameSlotNegatives;

    @Option(names = "--holdout", defaultValue = "test",
            description = "test (the fixed 30 %% slice) or dev (a 10 %% tuning slice; the test slice stays unused)")
    String holdoutName;

    @Option(names = "--dev-folds", description = "instead of the held-out slice: k-fold dev evaluation over the "
            + "named outfits outside the test slice (the served settings against blank share 0 and the co-occurrence "
            + "and price-band blends; fold means with standard errors); polyvore-maryland only")
    Integer devFolds;

    @Option(names = "--text-input", defaultValue = "name",
            description = "polyvore-maryland: the words of an item the models read the MiniLM vector of: name, or "
                    + "item-text (name and category joined as search joins an item's words, what the service trains "
                    + "on; the held-out report's name ends in -item-text); default: ${DEFAULT-VALUE}")
    String textInput;

    @Option(names = "--contenders", split = ",", description = "with --dev-folds: the contenders to run besides "
            + "the served settings, of served-name (the served settings reading names alone, beside another "
            + "--text-input), no-blanks, co-occurrence-blend, text-category-blend (co-occurrence on categories "
            + "guessed from text, as a catalogue could be served), price-band, price-band-blend, co-occurrence, "
            + "context (the outfit context model), context-price (it with price bands), context-random-negatives "
            + "(it trained without same-slot distractors); default: all but served-name, text-category-blend and "
            + "the context rows")
    List<String> contenders;

    @Option(names = "--name-vector-cache", description = "with --contenders served-name: file that keeps the name "
            + "vectors that contender reads (derived data; do not commit)")
    Path nameVectorCache;

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

    @Override
    public Integer call() throws Exception {
        try {
            OutfitEvaluation.Settings.check(dataset, outfits);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (devFolds != null) {
            return runDevFolds();
        }
        if (contenders != null || nameVectorCache != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--contenders and --name-vector-cache "
                    + "choose dev-folds contenders; use them with --dev-folds");
        }
        MarylandData.Holdout holdout;
        try {
            holdout = MarylandData.Holdout.valueOf(holdoutName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--holdout is test or dev, not '"
                    + holdoutName + "'");
        }
        OutfitEvaluation.Settings settings;
        try {
            settings = new OutfitEvaluation.Settings(dataset, datasetsDir, outfits, modelIn, modelOut, seed,
                    benchmarkSeed, tuning(), holdout,
                    vectorCache, NameText.parse(textInput));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        OutfitEvaluationReport report = OutfitEvaluation.run(settings, commandLine(), out);
        Path[] written = OutfitReportWriter.write(report, reportDir, settings.reportName());
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    private Integer runDevFolds() throws Exception {
        if (!OutfitEvaluation.MARYLAND.equals(dataset) || outfits != null || modelIn != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dev-folds trains on "
                    + OutfitEvaluation.MARYLAND + " and takes neither --outfits nor --model");
        }
        DevFolds.Settings settings;
        try {
            settings = new DevFolds.Settings(datasetsDir, devFolds, seed, tuning(), vectorCache,
                    NameText.parse(textInput), contenders, nameVectorCache);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DevFolds.Report report = DevFolds.run(settings, commandLine(), out);
        Path[] written = DevFoldsReportWriter.write(report, reportDir, "evaluate-outfits-" + dataset + "-dev-folds");
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    private OutfitEvaluation.Tuning tuning() {
        return new OutfitEvaluation.Tuning(epochs, dimension, learningRate, sameTypeShare, categoryDropout,
                contentRepeats, weightDecay, scale, blankShare, blankCandidates, contextEpochs, contextDimension,
                contextSameSlotNegatives);
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
}
