package io.stylegraph.training.experiment;

import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.data.ItemFeatures;
import io.stylegraph.training.eval.ColdUsers;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.graph.ContentVectors;
import io.stylegraph.training.model.EpochSummary;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.Trainer;
import io.stylegraph.training.model.TrainingData;
import io.stylegraph.training.report.ResourceUsage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the named models on one dataset and evaluates each with one harness on the same split: test metrics from the
 * epoch with the best validation Recall@20, the cold-item slice, where asked each model blended with a second path
 * ({@link BlendSearch}), and the held-out cold users ({@link ColdUsers}). Progress goes to the given stream, one line
 * per epoch; the results come back with each model's parameters, course and cost, ready for an
 * {@link EvaluationReport}.
 */
public final class RecommenderExperiment {

    /** The modality name of the TF-IDF vectors built from a dataset's item terms. */
    public static final String CONTENT_MODALITY = "category";

    /**
     * @param blends         null: no blends
     * @param contentMinDf   content terms on fewer items than this are left out of the content vectors
     * @param saveEmbeddings where each embedding model's final vectors go ({@link EmbeddingFiles}); null: nowhere
     */
    public record Settings(List<String> models, TrainerSettings trainers, BlendSearch.Settings blends,
                           int contentMinDf, Path saveEmbeddings) {
        public Settings {
            models = models.stream().map(String::strip).toList();
            // an unknown name fails here, before any data is read or model trained
            models.forEach(name -> ModelCatalogue.trainer(name, trainers));
        }
    }

    /** What the run measured: the data it trained on, and per model (and blend) its report. */
    public record Outcome(TrainingData trainingData, InteractionMatrix coldTest,
                          List<EvaluationReport.ModelReport> models, List<EvaluationReport.ColdUserResult> coldUsers) {
    }

    /** A trained model and its report. */
    private record Trained(RecommenderModel model, EvaluationReport.ModelReport report) {
    }

    private final Settings settings;
    private final PrintStream out;

    public RecommenderExperiment(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * @param heldOut users held out of {@code data} to be placed by their first likes; null: none
     */
    public Outcome run(Dataset data, ColdUsers.HeldOut heldOut, Evaluator evaluator) {
        TrainingData trainingData = TrainingData.of(data);
        if (data.hasItemTerms()) {
            ContentVectors content = ContentVectors.tfidf(data.itemTerms(), settings.contentMinDf());
            out.printf(Locale.ROOT, "item content: %d of %d items have content vectors over %d terms%n",
                    content.itemsWithVectors(), data.numItems(), content.vocabulary().size());
            trainingData = trainingData.withFeatures(new ItemFeatures(data.numItems(),
                    List.of(content.modality(CONTENT_MODALITY, 1.0))));
        }
        InteractionMatrix coldTest = coldItemLikes(data.split().train(), data.split().test());
        out.printf(Locale.ROOT, "cold-item slice: %d test likes of %d users on items without train likes%n",
                coldTest.nnz(), coldTest.usersWithInteractions());
        EmbeddingFiles files = settings.saveEmbeddings() == null ? null : new EmbeddingFiles(settings.saveEmbeddings());
        if (files != null) {
            files.writeIds(data);
        }
        BlendSearch blends = settings.blends() == null ? null : new BlendSearch(settings.blends(), out);
        List<EvaluationReport.ModelReport> reports = new ArrayList<>();
        List<EvaluationReport.ColdUserResult> coldResults = new ArrayList<>();
        for (String name : settings.models()) {
            Trained trained = train(name, trainingData, data, coldTest, evaluator);
            if (files != null) {
                files.write(name, trained.model());
            }
            reports.add(trained.report());
            coldResults.addAll(coldUsers(trained.model(), heldOut, evaluator));
            if (blends != null && blends.applies(trainingData) && trained.report().epochsRun() > 0) {
                Trained blended = blend(blends, trained, trainingData, data, coldTest, evaluator);
                reports.add(blended.report());
                coldResults.addAll(coldUsers(blended.model(), heldOut, evaluator));
            }
        }
        return new Outcome(trainingData, coldTest, List.copyOf(reports), List.copyOf(coldResults));
    }

    private Trained train(String name, TrainingData trainingData, Dataset data, InteractionMatrix coldTest,
                          Evaluator evaluator) {
        ResourceUsage.resetPeaks();
        Trainer<? extends RecommenderModel> trainer = ModelCatalogue.trainer(name, settings.trainers());
        if (ModelCatalogue.withoutContent(name)) {
            trainingData = trainingData.withFeatures(ItemFeatures.none(trainingData.numItems()));
        }
        out.printf("== %s %s%n", name, trainer.parameters());
        List<EvaluationReport.EpochRecord> epochs = new ArrayList<>();
        RecommenderModel model = trainer.train(trainingData, summary -> {
            epochs.add(record(summary));
            out.println(line(name, summary));
            return true;
        });
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
        return new Trained(model, new EvaluationReport.ModelReport(name, trainer.parameters(),
                model.provenance().kernel(), model.provenance().epochsRun(), model.provenance().bestEpoch(),
                secondsPerEpoch, secondsPerEvaluation, model.provenance().trainingSeconds(), test.seconds(),
                test.metrics(), model.provenance().validationMetrics(), cold.metrics(), ResourceUsage.peakHeapBytes(),
                ResourceUsage.peakRssBytes(), epochs));
    }

    private Trained blend(BlendSearch blends, Trained trained, TrainingData trainingData, Dataset data,
                          InteractionMatrix coldTest, Evaluator evaluator) {
        RecommenderModel model = trained.model();
        BlendSearch.Blend blend = blends.choose(model, trainingData, data.split(), evaluator);
        EvaluationResult test = evaluator.evaluate(blend.model().scorer(), data.split().train(), data.split().test());
        EvaluationResult cold = evaluator.evaluate(blend.model().scorer(), data.split().train(), coldTest);
        out.printf(Locale.ROOT, "%s test (weight %.3f): Recall@20 %.4f NDCG@20 %.4f; cold-item slice Recall@20 "
                        + "%.4f%n", blend.model().name(), blend.weight(), test.get("Recall@20"), test.get("NDCG@20"),
                cold.get("Recall@20"));
        return new Trained(blend.model(), new EvaluationReport.ModelReport(blend.model().name(), blend.parameters(),
                model.provenance().kernel(), model.provenance().epochsRun(), model.provenance().bestEpoch(),
                trained.report().secondsPerEpoch(), test.seconds(), model.provenance().trainingSeconds(),
                test.seconds(), test.metrics(), blend.validation(), cold.metrics(), ResourceUsage.peakHeapBytes(),
                ResourceUsage.peakRssBytes(), List.of()));
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

    /** The test likes whose item has no train like: what only content can find. */
    public static InteractionMatrix coldItemLikes(InteractionMatrix train, InteractionMatrix test) {
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
}
