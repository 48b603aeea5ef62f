package io.stylegraph.training.cli;

import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.training.report.Machine;
import io.stylegraph.training.report.ResourceUsage;
import io.stylegraph.training.data.AmazonClothingLoader;
import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.DatasetCatalog;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.ColdUsers;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.graph.ContentVectors;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.kernel.KernelEngine;
import io.stylegraph.training.model.ContentKnnTrainer;
import io.stylegraph.training.model.Contrast;
import io.stylegraph.training.model.ContentProfileTrainer;
import io.stylegraph.training.model.EpochSummary;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.HybridModel;
import io.stylegraph.training.model.ItemWalkTrainer;
import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.model.PopularityTrainer;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.Trainer;
import io.stylegraph.training.model.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code evaluate}: trains the named models on a named dataset, evaluates them with one harness on the same split,
 * and writes {@code evaluate-<dataset>.json} and {@code .md} into the report directory.
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

    /** How a graph model uses dislikes, chosen by a suffix of its name. */
    enum DislikeUse {
        HARD_NEGATIVES(""), IGNORED("-no-dislikes"), SIGNED_EDGES("-signed"), BOTH("-hard-signed");

        final String suffix;

        DislikeUse(String suffix) {
            this.suffix = suffix;
        }

        static DislikeUse of(String modelName) {
            DislikeUse found = HARD_NEGATIVES;
            for (DislikeUse use : values()) {
                if (!use.suffix.isEmpty() && modelName.endsWith(use.suffix)
                        && use.suffix.length() > found.suffix.length()) {
                    found = use;
                }
            }
            return found;
        }
    }

    /** The modality name of the TF-IDF vectors built from a dataset's item terms. */
    static final String CONTENT_MODALITY = "category";
    private static final String FREEDOM_ID_ONLY = "freedom-id";

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
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--report-name must be a plain file name (letters, digits, '.', '_', '-'), got '" + reportName + "'");
        }
        if (!List.of(ContentKnnTrainer.NAME, ContentProfileTrainer.NAME, ItemWalkTrainer.NAME).contains(blendWith)) {
            throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(),
                    "--blend-with takes " + ContentProfileTrainer.NAME + ", " + ContentKnnTrainer.NAME + " or "
                            + ItemWalkTrainer.NAME + ", not '" + blendWith + "'");
        }
        if (itemWalkExponents.isEmpty() || itemWalkExponents.stream().anyMatch(p -> !(p > 0 && p <= 1))) {
            throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(),
                    "--item-walk-exponents takes powers in (0, 1], not " + itemWalkExponents);
        }
        Instant startedAt = Instant.now();
        String revision = GitRevision.current(); // the code that runs, even if the tree changes before the end
        out.printf("loading %s from %s%n", dataset, datasetsDir);
        Dataset data = DatasetCatalog.load(dataset, datasetsDir);
        ColdUsers.HeldOut heldOut = null;
        if (coldUsers > 0) {
            if (!AmazonClothingLoader.NAME.equals(dataset)) {
                throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(),
                        "--cold-users needs the sequence "
                        + "order of a user's likes, which only " + AmazonClothingLoader.NAME + " has");
            }
            heldOut = ColdUsers.holdOut(data, AmazonClothingLoader.trainSequences(datasetsDir, data.users(),
                    data.items()), coldUsers, seed, coldLikes.stream().mapToInt(Integer::intValue).toArray());
            data = heldOut.warm();
            out.printf(Locale.ROOT, "cold users: %d held out of training (seed %d), %d test likes; known by their "
                    + "first %s likes%n", heldOut.users().length, seed, heldOut.testLikes(), coldLikes);
        }
        int testUsers = data.split().test().usersWithInteractions();
        out.printf(Locale.ROOT, "%d users, %d items, train/valid/test likes %d/%d/%d, %d users with test items%n",
                data.numUsers(), data.numItems(), data.split().train().nnz(), data.split().valid().nnz(),
                data.split().test().nnz(), testUsers);
        TrainingData trainingData = TrainingData.of(data);
        if (data.hasItemTerms()) {
            ContentVectors content = ContentVectors.tfidf(data.itemTerms(), contentMinDf);
            out.printf(Locale.ROOT, "item content: %d of %d items have content vectors over %d terms%n",
                    content.itemsWithVectors(), data.numItems(), content.vocabulary().size());
            trainingData = trainingData.withFeatures(new ItemFeatures(data.numItems(),
                    List.of(content.modality(CONTENT_MODALITY, 1.0))));
        }
        InteractionMatrix coldTest = coldItemLikes(data.split().train(), data.split().test());
        out.printf(Locale.ROOT, "cold-item slice: %d test likes of %d users on items without train likes%n",
                coldTest.nnz(), coldTest.usersWithInteractions());
        if (recencyHalfLives != null && !recencyHalfLives.isEmpty()) {
            if (!AmazonClothingLoader.NAME.equals(dataset)) {
                throw new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(),
                        "--recency-half-lives needs the sequence order of a user's likes, which only "
                                + AmazonClothingLoader.NAME + " has");
            }
            trainSequences = AmazonClothingLoader.trainSequences(datasetsDir, data.users(), data.items());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<EvaluationReport.ModelReport> reports = new ArrayList<>();
        List<EvaluationReport.ColdUserResult> coldResults = new ArrayList<>();
        try (Evaluator evaluator = Evaluator.standard(threads == null ? cores : threads)) {
            for (String name : models) {
                Trained trained = run(name.strip(), trainingData, data, coldTest, evaluator);
                reports.add(trained.report());
                coldResults.addAll(coldUsers(trained.model(), heldOut, evaluator));
                if (blendContentWeights != null && !blendContentWeights.isEmpty()
                        && (data.hasItemTerms() || ItemWalkTrainer.NAME.equals(blendWith))
                        && trained.report().epochsRun() > 0) {
                    Trained blended = blend(trained, trainingData, data, coldTest, evaluator);
                    reports.add(blended.report());
                    coldResults.addAll(coldUsers(blended.model(), heldOut, evaluator));
                }
            }
        }
        EvaluationReport report = new EvaluationReport(dataset,
                new EvaluationReport.DatasetSummary(data.numUsers(), data.numItems(), data.split().train().nnz(),
                        data.split().valid().nnz(), data.split().test().nnz(), data.dislikes().nnz(), testUsers,
                        coldTest.nnz(), coldTest.usersWithInteractions(),
                        trainingData.features().modalities().stream().map(ItemFeatures.Modality::name).toList()),
                commandLine(), revision, startedAt.toString(), Instant.now().toString(),
                new Machine(cores, ResourceUsage.maxHeapBytes(), System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                reports, heldOut == null ? null : new EvaluationReport.ColdUsersSummary(heldOut.users().length, seed,
                heldOut.testLikes(), coldResults));
        Path[] written = reportName == null ? ReportWriter.write(report, reportDir)
                : ReportWriter.write(report, reportDir, reportName);
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    /** A trained model and its report. */
    private record Trained(RecommenderModel model, EvaluationReport.ModelReport report) {
    }

    private Trained run(String name, TrainingData trainingData, Dataset data,
                                             InteractionMatrix coldTest, Evaluator evaluator) {
        ResourceUsage.resetPeaks();
        Trainer<? extends RecommenderModel> trainer = trainer(name);
        if (name.startsWith(FREEDOM_ID_ONLY) || name.startsWith("lightgcn") || name.startsWith("bpr")) {
            trainingData = trainingData.withFeatures(ItemFeatures.none(trainingData.numItems()));
        }
        out.printf("== %s %s%n", name, trainer.parameters());
        saveIds(data);
        List<EvaluationReport.EpochRecord> epochs = new ArrayList<>();
        RecommenderModel model = trainer.train(trainingData, summary -> {
            epochs.add(record(summary));
            out.println(line(name, summary));
            return true;
        });
        saveEmbeddings(name, model);
        EvaluationResult test = evaluator.evaluate(model.scorer(), data.split().train(), data.split().test());
        out.printf(Locale.ROOT, "%s test (epoch %d): Recall@20 %.4f NDCG@20 %.4f Recall@10 %.4f NDCG@10 %.4f "
                        + "Coverage@20 %.3f (%.1f s)%n", name, model.provenance().bestEpoch(),
                test.get("Recall@20"), test.get("NDCG@20"), test.get("Recall@10"), test.get("NDCG@10"),
                test.get("Coverage@20"), test.seconds());
        EvaluationResult cold = evaluator.evaluate(model.scorer(), data.split().train(), coldTest);
        out.printf(Locale.ROOT, "%s cold-item slice: Recall@20 %.4f NDCG@20 %.4f%n", name, cold.get("Recall@20"),
                cold.get("NDCG@20"));
        double secondsPerEpoch = epochs.stream().mapToDouble(EvaluationReport.EpochRecord::trainSeconds).average()
                .orElse(0);
        double secondsPerEvaluation = epochs.stream().filter(e -> e.evaluationSeconds() != null)
                .mapToDouble(EvaluationReport.EpochRecord::evaluationSeconds).average().orElse(test.seconds());
        Map<String, Double> validation = model.provenance().validationMetrics();
        return new Trained(model, new EvaluationReport.ModelReport(name, trainer.parameters(),
                model.provenance().kernel(), model.provenance().epochsRun(), model.provenance().bestEpoch(),
                secondsPerEpoch, secondsPerEvaluation, model.provenance().trainingSeconds(), test.seconds(),
                test.metrics(), validation, cold.metrics(), ResourceUsage.peakHeapBytes(),
                ResourceUsage.peakRssBytes(), epochs));
    }

    Trainer<? extends RecommenderModel> trainer(String name) {
        if (PopularityTrainer.NAME.equals(name)) {
            return new PopularityTrainer();
        }
        if (ContentKnnTrainer.NAME.equals(name)) {
            return new ContentKnnTrainer(contentKnnK);
        }
        if (ContentProfileTrainer.NAME.equals(name)) {
            return new ContentProfileTrainer();
        }
        if (ItemWalkTrainer.NAME.equals(name)) {
            return new ItemWalkTrainer(itemWalkK, itemWalkBeta);
        }
        DislikeUse dislikeUse = DislikeUse.of(name);
        String base = name.substring(0, name.length() - dislikeUse.suffix.length());
        FreedomConfig config = switch (base) {
            case "bpr" -> FreedomConfig.bprMf();
            case "lightgcn" -> FreedomConfig.lightGcn();
            case "freedom", FREEDOM_ID_ONLY -> keepRatio == null ? FreedomConfig.freedom()
                    : FreedomConfig.freedom().withKeepRatio(keepRatio);
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown model '" + name + "'; known: popular, content-knn, content-profile, item-walk, bpr, "
                            + "lightgcn, freedom, freedom-id, each of the last four "
                            + "optionally with -no-dislikes, -signed or -hard-signed");
        };
        config = config.withName(name);
        if (base.equals(FREEDOM_ID_ONLY)) {
            config = config.withItemGraph(false).withModalityLossWeight(0);
        }
        double edgeWeight = dislikeEdgeWeight == null ? 0.5 : dislikeEdgeWeight;
        config = switch (dislikeUse) {
            case HARD_NEGATIVES -> config;
            case IGNORED -> config.withHardNegativeRatio(0);
            case SIGNED_EDGES -> config.withHardNegativeRatio(0).withDislikeEdgeWeight(edgeWeight);
            case BOTH -> config.withDislikeEdgeWeight(edgeWeight);
        };
        if (hardNegativeRatio != null && config.hardNegativeRatio() > 0) {
            config = config.withHardNegativeRatio(hardNegativeRatio);
        }
        config = config.withSeed(seed).withEngine(engine);
        if (epochs != null) {
            config = config.withMaxEpochs(epochs);
        }
        if (patience != null) {
            config = config.withPatience(patience);
        }
        if (threads != null) {
            config = config.withThreads(threads);
        }
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (evaluateEvery != null) {
            config = config.withEvaluateEvery(evaluateEvery);
        }
        if (l2 != null) {
            config = config.withL2(l2);
        }
        if (layers != null && config.layers() > 0) {
            config = config.withLayers(layers);
        }
        if (dimension != null) {
            config = config.withDimension(dimension);
        }
        if (knnK != null) {
            config = config.withKnnK(knnK);
        }
        if (modalityLossWeight != null && config.itemGraph()) {
            config = config.withModalityLossWeight(modalityLossWeight);
        }
        if (config.itemGraph()) {
            config = config.withContentEmbedding(contentEmbedding);
        }
        if (base.equals("freedom") || base.equals(FREEDOM_ID_ONLY)) {
            Contrast contrast = config.contrast();
            if (contrastWeight != null) {
                contrast = contrast.withWeight(contrastWeight);
            }
            if (contrastTemperature != null) {
                contrast = contrast.withTemperature(contrastTemperature);
            }
            if (contrastNoise != null) {
                contrast = contrast.withNoise(contrastNoise);
            }
            if (contrastLayer != null) {
                contrast = contrast.withLayer(contrastLayer);
            }
            config = config.withContrast(contrast);
        }
        return new FreedomTrainer(config);
    }

    /** The model's results on the held-out users, one per history length; none without a hold-out. */
    private List<EvaluationReport.ColdUserResult> coldUsers(RecommenderModel model, ColdUsers.HeldOut heldOut,
                                                            Evaluator evaluator) {
        if (heldOut == null) {
            return List.of();
        }
        List<EvaluationReport.ColdUserResult> results = new ArrayList<>();
        for (ColdUsers.Slice slice : heldOut.slices()) {
            Optional<RecommenderModel> placed = model.foldIn(slice.history());
            if (placed.isEmpty()) {
                out.printf("%s: no cold-user result (it scores only the users it was trained on)%n", model.name());
                return List.of();
            }
            EvaluationResult result = evaluator.evaluate(placed.get().scorer(), slice.history(), slice.test());
            out.printf(Locale.ROOT, "%s cold users known by %d like(s): Recall@20 %.4f NDCG@20 %.4f%n", model.name(),
                    slice.historyLength(), result.get("Recall@20"), result.get("NDCG@20"));
            results.add(new EvaluationReport.ColdUserResult(model.name(), slice.historyLength(), result.metrics()));
        }
        return results;
    }

    /** Each user's train likes in sequence order, where recency-weighted content profiles are asked for. */
    private int[][] trainSequences;

    /** The content paths by recency half-life, trained once for all blends. */
    private final Map<Double, RecommenderModel> contentPaths = new java.util.HashMap<>();

    private RecommenderModel contentPath(double halfLife, double exponent, TrainingData trainingData,
                                         Map<Double, RecommenderModel> reaching, RecommenderModel blended) {
        RecommenderModel path = reaching.computeIfAbsent(halfLife, h -> {
            RecommenderModel plain = contentPath(h, trainingData);
            return ItemWalkTrainer.NAME.equals(blendWith) && itemWalkLookalikes > 0
                    && blended instanceof io.stylegraph.training.model.EmbeddingModel embeddings
                    ? ((io.stylegraph.training.model.ItemKnnModel) plain).withLookalikes(embeddings.itemEmbeddings(),
                    embeddings.dimension(), itemWalkLookalikes) : plain;
        });
        return exponent == 1 ? path : ((io.stylegraph.training.model.ItemKnnModel) path).withExponent(exponent);
    }

    private RecommenderModel contentPath(double halfLife, TrainingData trainingData) {
        if (ContentKnnTrainer.NAME.equals(blendWith)) {
            return contentPaths.computeIfAbsent(Double.NaN, h -> new ContentKnnTrainer(contentKnnK)
                    .train(trainingData));
        }
        if (ItemWalkTrainer.NAME.equals(blendWith)) {
            return contentPaths.computeIfAbsent(halfLife, h -> new ItemWalkTrainer(itemWalkK, itemWalkBeta,
                    trainSequences, h).train(trainingData));
        }
        return contentPaths.computeIfAbsent(halfLife, h -> (Double.isInfinite(h) ? new ContentProfileTrainer()
                : new ContentProfileTrainer(trainSequences, h)).train(trainingData));
    }

    /** The last trained model blended with the content path, the weight chosen on validation Recall@20. */
    private Trained blend(Trained trained, TrainingData trainingData, Dataset data,
                                               InteractionMatrix coldTest, Evaluator evaluator) {
        RecommenderModel model = trained.model();
        List<Double> halfLives = recencyHalfLives == null || recencyHalfLives.isEmpty()
                ? List.of(Double.POSITIVE_INFINITY) : recencyHalfLives;
        double bestWeight = 0;
        double bestHalfLife = halfLives.get(0);
        double bestValue = Double.NEGATIVE_INFINITY;
        Map<String, Double> bestValidation = Map.of();
        StringBuilder grid = new StringBuilder();
        List<Double> exponents = ItemWalkTrainer.NAME.equals(blendWith) ? itemWalkExponents : List.of(1.0);
        double bestExponent = exponents.get(0);
        // the walk for this model: items it does not reach take their scores from lookalikes by the model's embeddings
        Map<Double, RecommenderModel> reaching = new java.util.HashMap<>();
        for (double halfLife : halfLives) {
            for (double exponent : exponents) {
                for (double weight : blendContentWeights) {
                    HybridModel hybrid = new HybridModel(model,
                            contentPath(halfLife, exponent, trainingData, reaching, model), weight);
                    EvaluationResult valid = evaluator.evaluate(hybrid.scorer(), data.split().train(),
                            data.split().valid());
                    double value = valid.get("Recall@20");
                    out.printf(Locale.ROOT, "%s blend weight %.3f, recency half-life %s, exponent %s: valid "
                                    + "Recall@20 %.4f NDCG@20 %.4f%n", hybrid.name(), weight, halfLife, exponent,
                            value, valid.get("NDCG@20"));
                    grid.append(grid.length() == 0 ? "" : " ").append(halfLives.size() > 1 ? halfLife + "/" : "")
                            .append(exponents.size() > 1 ? "^" + exponent + "/" : "")
                            .append(String.format(Locale.ROOT, "%s:%.4f", weight, value));
                    if (value > bestValue) {
                        bestValue = value;
                        bestWeight = weight;
                        bestHalfLife = halfLife;
                        bestExponent = exponent;
                        bestValidation = valid.metrics();
                    }
                }
            }
        }
        HybridModel hybrid = new HybridModel(model,
                contentPath(bestHalfLife, bestExponent, trainingData, reaching, model), bestWeight);
        EvaluationResult test = evaluator.evaluate(hybrid.scorer(), data.split().train(), data.split().test());
        EvaluationResult cold = evaluator.evaluate(hybrid.scorer(), data.split().train(), coldTest);
        out.printf(Locale.ROOT, "%s test (weight %.3f): Recall@20 %.4f NDCG@20 %.4f; cold-item slice Recall@20 "
                        + "%.4f%n", hybrid.name(), bestWeight, test.get("Recall@20"), test.get("NDCG@20"),
                cold.get("Recall@20"));
        Map<String, String> parameters = new java.util.LinkedHashMap<>(hybrid.provenance().parameters());
        parameters.put("blendValidationGrid", grid.toString());
        if (!Double.isInfinite(bestHalfLife)) {
            parameters.put("recencyHalfLife", String.valueOf(bestHalfLife));
        }
        if (bestExponent != 1) {
            parameters.put("walkExponent", String.valueOf(bestExponent));
        }
        if (reaching.get(bestHalfLife) instanceof io.stylegraph.training.model.ItemKnnModel walk
                && walk.provenance().parameters().containsKey("lookalikes")) {
            parameters.put("walkLookalikes", walk.provenance().parameters().get("lookalikes"));
        }
        return new Trained(hybrid, new EvaluationReport.ModelReport(hybrid.name(), parameters,
                model.provenance().kernel(), model.provenance().epochsRun(), model.provenance().bestEpoch(),
                trained.report().secondsPerEpoch(), test.seconds(), model.provenance().trainingSeconds(),
                test.seconds(), test.metrics(), bestValidation, cold.metrics(), ResourceUsage.peakHeapBytes(),
                ResourceUsage.peakRssBytes(), List.of()));
    }

    private void saveIds(Dataset data) {
        if (saveEmbeddings == null) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(saveEmbeddings);
            java.nio.file.Files.write(saveEmbeddings.resolve("users.txt"), data.users().externalIds());
            java.nio.file.Files.write(saveEmbeddings.resolve("items.txt"), data.items().externalIds());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void saveEmbeddings(String name, RecommenderModel model) {
        if (saveEmbeddings == null || !(model instanceof io.stylegraph.training.model.EmbeddingModel embeddings)) {
            return;
        }
        try {
            writeFloats(saveEmbeddings.resolve(name + "-users.f32"), embeddings.userEmbeddings());
            writeFloats(saveEmbeddings.resolve(name + "-items.f32"), embeddings.itemEmbeddings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeFloats(Path file, float[] values) throws java.io.IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * Float.BYTES)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        java.nio.file.Files.write(file, buffer.array());
    }

    /** The test likes whose item has no train like: what only content can find. */
    static InteractionMatrix coldItemLikes(InteractionMatrix train, InteractionMatrix test) {
        int[] trainDegrees = train.itemDegrees();
        InteractionMatrix.Builder cold = InteractionMatrix.builder(test.numUsers(), test.numItems());
        for (int user = 0; user < test.numUsers(); user++) {
            for (int item : test.itemsOf(user)) {
                if (trainDegrees[item] == 0) {
                    cold.add(user, item);
                }
            }
        }
        return cold.build();
    }

    private static EvaluationReport.EpochRecord record(EpochSummary summary) {
        return new EvaluationReport.EpochRecord(summary.epoch(), summary.loss(), summary.trainSeconds(),
                summary.validation().map(v -> v.get("Recall@20")).orElse(null),
                summary.validation().map(v -> v.get("NDCG@20")).orElse(null),
                summary.validation().map(EvaluationResult::seconds).orElse(null), summary.best());
    }

    private static String line(String name, EpochSummary summary) {
        String valid = summary.validation().map(v -> String.format(Locale.ROOT,
                " | valid Recall@20 %.4f NDCG@20 %.4f (%.2f s)%s", v.get("Recall@20"), v.get("NDCG@20"),
                v.seconds(), summary.best() ? " *" : "")).orElse("");
        return String.format(Locale.ROOT, "[%s] epoch %d loss %.5f train %.2f s%s", name, summary.epoch(),
                summary.loss(), summary.trainSeconds(), valid);
    }

    /** The command as typed, for the report: "evaluate" and the arguments it was given. */
    private String commandLine() {
        List<String> args = spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        // as a subcommand (./stylegraph evaluate …) picocli hands over the whole line, its own name first
        List<String> own = !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args;
        return own.isEmpty() ? "evaluate" : "evaluate " + String.join(" ", own);
    }
}
