package io.stylegraph.training.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.EvaluationSample;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.graph.ItemNeighbours;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.TrainingData;
import io.stylegraph.training.model.TrainingListener;

/**
 * One retraining run over a graph snapshot: build the dataset, train FREEDOM with early stopping on validation
 * Recall@20, evaluate on test, write the artifact. Knows nothing of HTTP or the registry: the service records the
 * result and decides promotion.
 */
public final class RetrainingJob {
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The metadata key of the content blend weights chosen by the run ({@link ContentBlendSelection.Choice}). */
    public static final String CONTENT_BLEND = "contentBlend";

    /** The metadata key of the item-walk blend weights chosen by the run ({@link WalkBlendSelection.Choice}). */
    public static final String ITEM_WALK = "itemWalk";

    private final FreedomConfig config;
    private final SnapshotDatasetBuilder datasets;
    private final Path artifactRoot;
    private final TrainingRequirements requirements;
    private final ContentBlendSelection blends;
    private final WalkBlendSelection walks;
    private final long evaluationScores;
    private final int evaluationMinUsers;

    public RetrainingJob(FreedomConfig config, SnapshotDatasetBuilder datasets, Path artifactRoot) {
        this(config, datasets, artifactRoot, null, null, null);
    }

    public RetrainingJob(FreedomConfig config, SnapshotDatasetBuilder datasets, Path artifactRoot,
                         TrainingRequirements requirements, ContentBlendSelection blends) {
        this(config, datasets, artifactRoot, requirements, blends, null);
    }

    /**
     * A job that refuses ({@link InsufficientDataException}) a snapshot short of {@code requirements} (null: none)
     * and, given {@code blends} (null: none), chooses the content blend weights on the run's validation split and
     * stores them with the model ({@code contentBlend} in its metadata); given {@code walks} (null: none), first
     * chooses whether to blend in an item-walk ({@code itemWalk} in the metadata, its table beside the embeddings),
     * and the content weights are then chosen for the model as served, walk included.
     */
    public RetrainingJob(FreedomConfig config, SnapshotDatasetBuilder datasets, Path artifactRoot,
                         TrainingRequirements requirements, ContentBlendSelection blends, WalkBlendSelection walks) {
        this.config = config;
        this.datasets = datasets;
        this.artifactRoot = artifactRoot;
        this.requirements = requirements;
        this.blends = blends;
        this.walks = walks;
        this.evaluationScores = EvaluationSample.MAX_SCORES;
        this.evaluationMinUsers = EvaluationSample.MIN_USERS;
    }

    private RetrainingJob(RetrainingJob job, long evaluationScores, int evaluationMinUsers) {
        this.config = job.config;
        this.datasets = job.datasets;
        this.artifactRoot = job.artifactRoot;
        this.requirements = job.requirements;
        this.blends = job.blends;
        this.walks = job.walks;
        this.evaluationScores = evaluationScores;
        this.evaluationMinUsers = evaluationMinUsers;
    }

    /**
     * The same job with another budget for validation and test ({@link EvaluationSample#usersFor(int, int, long,
     * int)}): above {@code maxScores} (users × items) they rank every item for a seeded sample of the users, at least
     * {@code minUsers}. By default {@link EvaluationSample#MAX_SCORES} and {@link EvaluationSample#MIN_USERS}.
     */
    public RetrainingJob withEvaluationBudget(long maxScores, int minUsers) {
        EvaluationSample.usersFor(0, 0, maxScores, minUsers); // checks them
        return new RetrainingJob(this, maxScores, minUsers);
    }

    /** Runs the job; {@code progress} hears one line per step and epoch. Throws when there is nothing to learn from. */
    public RetrainingResult run(GraphSnapshot snapshot, String gitRevision, Consumer<String> progress) throws IOException {
        return run(datasets.build(snapshot), snapshot.takenAt(), gitRevision, progress);
    }

    /**
     * As {@link #run(GraphSnapshot, String, Consumer)}, over a dataset built beforehand from a snapshot taken at
     * {@code snapshotAt}, so the caller need not hold the snapshot through the run: at 1 M items and 10 M likes its
     * edges, maps and terms are about a gigabyte beside the dataset's compact copies.
     */
    public RetrainingResult run(SnapshotDataset dataset, java.time.Instant snapshotAt, String gitRevision,
                                Consumer<String> progress) throws IOException {
        if (requirements != null) {
            requirements.check(dataset).ifPresent(reason -> {
                throw new InsufficientDataException(reason);
            });
        }
        int likes = dataset.split().train().nnz();
        if (likes == 0 || dataset.split().valid().nnz() == 0) {
            throw new InsufficientDataException("not enough likes to train and validate on (" + likes + " train, "
                    + dataset.split().valid().nnz() + " valid); users need at least three likes each");
        }
        // at scale validation (every epoch) and test rank every item for a seeded sample of users, not for all
        InteractionMatrix valid = dataset.split().valid();
        InteractionMatrix testTargets = dataset.split().test();
        int validUsers = valid.usersWithInteractions();
        int evaluated = EvaluationSample.usersFor(validUsers, dataset.items().size(), evaluationScores,
                evaluationMinUsers);
        if (evaluated < validUsers) {
            valid = EvaluationSample.restrict(valid, evaluated, config.seed());
            testTargets = EvaluationSample.restrict(testTargets, evaluated, config.seed());
        }
        TrainingData training = dataset.trainingData().withValidation(valid);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("snapshotAt", snapshotAt.toString());
        data.put("users", dataset.users().size());
        data.put("items", dataset.items().size());
        data.put("trainLikes", likes);
        data.put("validLikes", dataset.split().valid().nnz());
        data.put("testLikes", dataset.split().test().nnz());
        data.put("dislikes", dataset.dislikes().nnz());
        data.put("featureModalities", dataset.features().modalities().stream().map(m -> m.name()).toList());
        data.put("split", dataset.splitRule());
        data.put("evaluatedUsers", evaluated);
        data.put("usersWithValidationLikes", validUsers);
        progress.accept("dataset " + data);
        if (evaluated < validUsers) {
            progress.accept(String.format(java.util.Locale.ROOT, "validation and test rank every item for a seeded "
                    + "sample of %,d of the %,d users with validation likes (all of them would be %.1e scores a "
                    + "pass)", evaluated, validUsers, (double) validUsers * dataset.items().size()));
        }

        FreedomConfig effective = dataset.features().isEmpty() ? config.withItemGraph(false) : config;
        FreedomTrainer trainer = new FreedomTrainer(effective);
        ItemNeighbours neighbours = trainer.itemNeighbours(training);
        if (neighbours != null) {
            progress.accept("item graph: " + effective.knnK() + " nearest items per item in "
                    + neighbours.modalities().stream().map(ItemNeighbours.Modality::name).toList());
        }
        EmbeddingModel model = trainer.train(training, neighbours, TrainingListener.of(epoch -> {
            progress.accept(String.format(java.util.Locale.ROOT, "epoch %d loss %.5f %.1fs%s%s", epoch.epoch(),
                    epoch.loss(), epoch.trainSeconds(),
                    epoch.validation().map(v -> String.format(java.util.Locale.ROOT, " valid Recall@20 %.4f",
                            v.get("Recall@20"))).orElse(""), epoch.best() ? " (best)" : ""));
            return !Thread.currentThread().isInterrupted();
        }, batches -> progress.accept(String.format(java.util.Locale.ROOT,
                "epoch %d: %d of %d batches, loss %.5f, %.0fs, about %.0fs left", batches.epoch(), batches.done(),
                batches.batches(), batches.loss(), batches.seconds(), batches.secondsLeft()))));
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("training was interrupted");
        }
        EvaluationResult test;
        java.util.Optional<ContentBlendSelection.Choice> blend = java.util.Optional.empty();
        java.util.Optional<WalkBlendSelection.Choice> walk = java.util.Optional.empty();
        try (Evaluator evaluator = Evaluator.standard(effective.threads())) {
            // valid likes are not masked at test time (MMRec protocol), only train likes
            test = evaluator.evaluate(model.scorer(), dataset.split().train(), testTargets);
            if (walks != null) {
                walk = walks.choose(model, training, evaluator, progress);
            }
            if (blends != null) {
                blend = walk.filter(WalkBlendSelection.Choice::used).isPresent()
                        ? blends.choose(walk.get().known(model), walk.get().foldIn(model, dataset.split().train()),
                        training, evaluator, progress)
                        : blends.choose(model, training, evaluator, progress);
            }
        }
        progress.accept(String.format(java.util.Locale.ROOT, "test Recall@20 %.4f NDCG@20 %.4f over %d users",
                test.get("Recall@20"), test.get("NDCG@20"), test.users()));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", model.name());
        metadata.put("trainer", model.provenance().trainer());
        metadata.put("kernel", model.provenance().kernel());
        metadata.put("parameters", new java.util.TreeMap<>(model.provenance().parameters()));
        metadata.put("seed", model.provenance().seed());
        metadata.put("epochsRun", model.provenance().epochsRun());
        metadata.put("bestEpoch", model.provenance().bestEpoch());
        metadata.put("trainingSeconds", model.provenance().trainingSeconds());
        metadata.put("validation", model.provenance().validationMetrics());
        metadata.put("test", test.metrics());
        metadata.put("data", data);
        blend.ifPresent(choice -> metadata.put(CONTENT_BLEND, choice.toMetadata()));
        walk.ifPresent(choice -> metadata.put(ITEM_WALK, choice.toMetadata()));
        metadata.put("gitRevision", gitRevision);
        metadata.put("trainedAt", Instant.now().toString());
        ModelArtifact artifact = new ModelArtifact(null, dataset.users().externalIds(), dataset.items().externalIds(),
                model.dimension(), model.userEmbeddings(), model.itemEmbeddings(), metadata,
                walk.filter(WalkBlendSelection.Choice::used).map(choice -> choice.walk().table()).orElse(null))
                .writeTo(artifactRoot.resolve(model.name() + "-" + FOLDER_TIME.format(Instant.now())));
        progress.accept("artifact written to " + artifact.directory());
        return new RetrainingResult(artifact, model.provenance().parameters(), data,
                model.provenance().validationMetrics(), test.metrics(), model.provenance().seed(),
                SimilarItemGraph.of(neighbours, dataset.items().externalIds()), blend);
    }
}
