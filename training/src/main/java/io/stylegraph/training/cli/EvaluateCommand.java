package io.stylegraph.training.cli;

import io.stylegraph.training.data.AmazonClothingLoader;
import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.DatasetCatalog;
import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.eval.ColdUsers;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.training.experiment.BlendSearch;
import io.stylegraph.training.experiment.EvaluationReport;
import io.stylegraph.training.experiment.RecommenderExperiment;
import io.stylegraph.training.experiment.ReportWriter;
import io.stylegraph.training.experiment.TrainerSettings;
import io.stylegraph.training.kernel.KernelEngine;
import io.stylegraph.training.model.ContentKnnTrainer;
import io.stylegraph.training.model.ContentProfileTrainer;
import io.stylegraph.training.model.ItemWalkTrainer;
import io.stylegraph.training.report.Machine;
import io.stylegraph.training.report.ResourceUsage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evaluate}: trains the named models on a named dataset, evaluates them with one harness on the same split
 * ({@link RecommenderExperiment}), and writes {@code evaluate-<dataset>.json} and {@code .md} into the report
 * directory. This class reads the options and the data and writes the report; the experiment is library code.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Train and evaluate recommenders on a dataset and write a report.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, description = "dataset name, e.g. amazon-clothing")
    String dataset;

    @Option(names = "--models", split = ",", defaultValue = "popular,bpr,lightgcn,freedom",
            description = "comma-separated: popular, content-knn, content-profile, bpr, lightgcn, freedom (with the dataset's item "
                    + "content, where it has any), freedom-id (FREEDOM without content) (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--datasets-dir", defaultValue = "${STYLEGRAPH_DATASETS_DIR:-../shared/data}",
            description = "folder holding the public datasets by name (default: ${DEFAULT-VALUE})")
    Path datasetsDir;

    @Option(names = "--report-dir", defaultValue = "reports", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--epochs", description = "maximum training epochs (default: the model's, 1000)")
    Integer epochs;

    @Option(names = "--patience", description = "validation passes without improvement before stopping (default 20)")
    Integer patience;

    @Option(names = "--seed", defaultValue = "999", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--engine", defaultValue = "CPU", description = "training kernel: CPU or ND4J (default: ${DEFAULT-VALUE})")
    KernelEngine engine;

    @Option(names = "--threads", description = "training threads (default: all cores)")
    Integer threads;

    @Option(names = "--learning-rate", description = "Adam learning rate of the trained models (default 1e-3)")
    Double learningRate;

    @Option(names = "--l2", description = "weight of the L2 penalty on the batch's embeddings (default 1e-2)")
    Double l2;

    @Option(names = "--max-batches-per-epoch",
            description = "graph models' most batches an epoch; the batch grows (learning rate × √growth) above "
                    + "it; 0: no bound (default 128)")
    Integer maxBatchesPerEpoch;

    @Option(names = "--evaluate-every", description = "epochs between validation passes (default 1)")
    Integer evaluateEvery;

    @Option(names = "--keep-ratio", description = "FREEDOM's share of like edges kept each epoch (default 0.5)")
    Double keepRatio;

    @Option(names = "--report-name",
            description = "file name of the report without extension (default: evaluate-<dataset>)")
    String reportName;

    @Option(names = "--layers", description = "user–item propagation layers of the graph models (default 2)")
    Integer layers;

    @Option(names = "--dimension", description = "embedding size (default 64)")
    Integer dimension;

    @Option(names = "--hard-negative-ratio",
            description = "share of a user's negatives drawn from their dislikes, where dislikes are hard negatives "
                    + "(default 0.5)")
    Double hardNegativeRatio;

    @Option(names = "--dislike-edge-weight",
            description = "weight of dislikes as negative edges in the *-signed models (default 0.5)")
    Double dislikeEdgeWeight;

    @Option(names = "--knn-k", description = "neighbours per item of FREEDOM's item–item graph (default 10)")
    Integer knnK;

    @Option(names = "--content-knn-k", defaultValue = "50",
            description = "neighbours per item of the content-knn baseline (default: ${DEFAULT-VALUE})")
    int contentKnnK;

    @Option(names = "--modality-loss-weight",
            description = "weight of FREEDOM's modality-projection BPR terms (default 1e-4)")
    Double modalityLossWeight;

    @Option(names = "--content-embedding", negatable = true,
            description = "FREEDOM: add a trained projection of each item's content vector to its ID embedding "
                    + "(default: off)")
    boolean contentEmbedding;

    @Option(names = "--contrast-weight",
            description = "freedom and freedom-id: weight of the contrastive (InfoNCE) terms between final and "
                    + "layer embeddings (default 0, off)")
    Double contrastWeight;

    @Option(names = "--contrast-temperature", description = "temperature of the contrastive terms (default 0.2)")
    Double contrastTemperature;

    @Option(names = "--contrast-noise",
            description = "length of the noise added to each propagated layer in training (default 0)")
    Double contrastNoise;

    @Option(names = "--contrast-layer", description = "the layer compared with the final embeddings (default 1)")
    Integer contrastLayer;

    @Option(names = "--blend-content-weights", split = ",",
            description = "for each trained graph model, also report it blended with the service's content path "
                    + "(content-profile; per-user standardized scores, model + w·content), w chosen on validation "
                    + "among these weights")
    List<Double> blendContentWeights;

    @Option(names = "--blend-with", defaultValue = ContentProfileTrainer.NAME,
            description = "the model the blends add: content-profile (the service's content path), content-knn "
                    + "(item-kNN over content vectors) or item-walk (items liked by the same users) "
                    + "(default: ${DEFAULT-VALUE})")
    String blendWith;

    @Option(names = "--item-walk-k", defaultValue = "200",
            description = "neighbours kept per item by item-walk (default: ${DEFAULT-VALUE})")
    int itemWalkK;

    @Option(names = "--item-walk-beta", defaultValue = "0",
            description = "item-walk's popularity exponent β: walk probabilities are divided by degree^β "
                    + "(default: ${DEFAULT-VALUE})")
    double itemWalkBeta;

    @Option(names = "--item-walk-lookalikes", defaultValue = "10",
            description = "blends with item-walk: each item the walk does not reach takes its walk scores from this "
                    + "many nearest reached items by the blended model's item embeddings; 0: none "
                    + "(default: ${DEFAULT-VALUE})")
    int itemWalkLookalikes;

    @Option(names = "--item-walk-exponents", split = ",", defaultValue = "1",
            description = "blends with item-walk: also try the walk's per-user scores raised to each of these "
                    + "powers in (0, 1] (below 1 the strongest items stand less far above the rest once standardized), "
                    + "each with each blend weight, chosen on validation (default: ${DEFAULT-VALUE})")
    List<Double> itemWalkExponents;

    @Option(names = "--save-embeddings",
            description = "write each trained embedding model's final user and item vectors to this directory "
                    + "(<model>-users.f32 and <model>-items.f32, little-endian float32 rows, in the order of users.txt "
                    + "and items.txt written beside them), for analysis outside the service")
    Path saveEmbeddings;

    @Option(names = "--recency-half-lives", split = ",",
            description = "blends: also try content profiles (or item-walks) whose likes weigh 0.5^(likes since / half-life), each "
                    + "half-life with each blend weight, the pair chosen on validation (amazon-clothing's fixed split "
                    + "only; 'Infinity' is every like the same, the default)")
    List<Double> recencyHalfLives;

    @Option(names = "--content-min-df", defaultValue = "2",
            description = "content terms on fewer items than this are left out of the content vectors "
                    + "(default: ${DEFAULT-VALUE})")
    int contentMinDf;

    @Option(names = "--cold-users", defaultValue = "0",
            description = "hold this many users with test likes out of training and report them as new shoppers known "
                    + "by their first likes (amazon-clothing's fixed split only; default: ${DEFAULT-VALUE}, off)")
    int coldUsers;

    @Option(names = "--cold-likes", split = ",", defaultValue = "1,2",
            description = "how many first likes the held-out users are known by, one result each "
                    + "(default: ${DEFAULT-VALUE})")
    List<Integer> coldLikes;

    private final PrintStream out;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public EvaluateCommand() {
        this(System.out);
    }

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (reportName != null && !reportName.matches("[A-Za-z0-9._-]+")) {
            throw refused("--report-name must be a plain file name (letters, digits, '.', '_', '-'), got '"
                    + reportName + "'");
        }
        if ((coldUsers > 0 || recencyHalfLives != null && !recencyHalfLives.isEmpty())
                && !AmazonClothingLoader.NAME.equals(dataset)) {
            throw refused((coldUsers > 0 ? "--cold-users" : "--recency-half-lives") + " needs the sequence order of "
                    + "a user's likes, which only " + AmazonClothingLoader.NAME + " has");
        }
        if (!List.of(ContentKnnTrainer.NAME, ContentProfileTrainer.NAME, ItemWalkTrainer.NAME).contains(blendWith)) {
            throw refused("--blend-with takes " + ContentProfileTrainer.NAME + ", " + ContentKnnTrainer.NAME + " or "
                    + ItemWalkTrainer.NAME + ", not '" + blendWith + "'");
        }
        if (maxBatchesPerEpoch != null && maxBatchesPerEpoch < 0) {
            throw refused("--max-batches-per-epoch takes 0 (no bound) or a positive count, not " + maxBatchesPerEpoch);
        }
        if (itemWalkExponents.isEmpty() || itemWalkExponents.stream().anyMatch(p -> !(p > 0 && p <= 1))) {
            throw refused("--item-walk-exponents takes powers in (0, 1], not " + itemWalkExponents);
        }
        TrainerSettings trainers = new TrainerSettings(epochs, patience, seed, engine, threads, learningRate, l2,
                evaluateEvery, keepRatio, layers, dimension, hardNegativeRatio, dislikeEdgeWeight, knnK, contentKnnK,
                modalityLossWeight, contentEmbedding, new TrainerSettings.ContrastSettings(contrastWeight,
                contrastTemperature, contrastNoise, contrastLayer), itemWalkK, itemWalkBeta, maxBatchesPerEpoch);
        try {
            new RecommenderExperiment.Settings(models, trainers, null, contentMinDf, saveEmbeddings);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage()); // before any data is read
        }
        Instant startedAt = Instant.now();
        String revision = GitRevision.current(); // the code that runs, even if the tree changes before the end
        out.printf("loading %s from %s%n", dataset, datasetsDir);
        Dataset data = DatasetCatalog.load(dataset, datasetsDir);
        ColdUsers.HeldOut heldOut = null;
        if (coldUsers > 0) {
            heldOut = ColdUsers.holdOut(data, AmazonClothingLoader.trainSequences(datasetsDir, data.users(),
                    data.items()), coldUsers, seed, coldLikes.stream().mapToInt(Integer::intValue).toArray());
            data = heldOut.warm();
            out.printf(Locale.ROOT, "cold users: %d held out of training (seed %d), %d test likes; known by their "
                    + "first %s likes%n", heldOut.users().length, seed, heldOut.testLikes(), coldLikes);
        }
        int[][] trainSequences = recencyHalfLives == null || recencyHalfLives.isEmpty() ? null
                : AmazonClothingLoader.trainSequences(datasetsDir, data.users(), data.items());
        RecommenderExperiment.Settings settings;
        try {
            BlendSearch.Settings blends = blendContentWeights == null || blendContentWeights.isEmpty() ? null
                    : new BlendSearch.Settings(blendWith, blendContentWeights, recencyHalfLives, itemWalkExponents,
                    itemWalkLookalikes, contentKnnK, itemWalkK, itemWalkBeta, trainSequences);
            settings = new RecommenderExperiment.Settings(models, trainers, blends, contentMinDf, saveEmbeddings);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        int testUsers = data.split().test().usersWithInteractions();
        out.printf(Locale.ROOT, "%d users, %d items, train/valid/test likes %d/%d/%d, %d users with test items%n",
                data.numUsers(), data.numItems(), data.split().train().nnz(), data.split().valid().nnz(),
                data.split().test().nnz(), testUsers);
        int cores = Runtime.getRuntime().availableProcessors();
        RecommenderExperiment.Outcome outcome;
        try (Evaluator evaluator = Evaluator.standard(threads == null ? cores : threads)) {
            outcome = new RecommenderExperiment(settings, out).run(data, heldOut, evaluator);
        }
        EvaluationReport report = new EvaluationReport(dataset,
                new EvaluationReport.DatasetSummary(data.numUsers(), data.numItems(), data.split().train().nnz(),
                        data.split().valid().nnz(), data.split().test().nnz(), data.dislikes().nnz(), testUsers,
                        outcome.coldTest().nnz(), outcome.coldTest().usersWithInteractions(),
                        outcome.trainingData().features().modalities().stream().map(ItemFeatures.Modality::name)
                                .toList()),
                commandLine(), revision, startedAt.toString(), Instant.now().toString(),
                new Machine(cores, ResourceUsage.maxHeapBytes(), System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                outcome.models(), heldOut == null ? null : new EvaluationReport.ColdUsersSummary(heldOut.users().length,
                seed, heldOut.testLikes(), outcome.coldUsers()));
        Path[] written = reportName == null ? ReportWriter.write(report, reportDir)
                : ReportWriter.write(report, reportDir, reportName);
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    private CommandLine.ParameterException refused(String message) {
        return new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(), message);
    }

    /** The command as typed, for the report: "evaluate" and the arguments it was given. */
    private String commandLine() {
        List<String> args = spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        // as a subcommand (./stylegraph evaluate …) picocli hands over the whole line, its own name first
        List<String> own = !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args;
        return own.isEmpty() ? "evaluate" : "evaluate " + String.join(" ", own);
    }
}
