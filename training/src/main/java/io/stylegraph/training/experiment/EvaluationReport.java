package io.stylegraph.training.experiment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.stylegraph.training.report.Machine;
import io.stylegraph.training.report.Provenance;

/** What {@code evaluate} writes: the run, the data, and per model its course and test metrics. */
public record EvaluationReport(String dataset, DatasetSummary data, String command, String gitRevision,
                               String startedAt, String finishedAt, Machine machine, List<ModelReport> models,
                               ColdUsersSummary coldUsers) {

    /** The run's command, revision, times and machine, as the report's Markdown opens with them. */
    @JsonIgnore
    public Provenance provenance() {
        return new Provenance(command, gitRevision, startedAt, finishedAt, machine);
    }

    /**
     * @param coldTestLikes test likes of items that have no train like, by {@code coldTestUsers} users
     * @param modalities    the item content modalities the content-aware models were given
     */
    public record DatasetSummary(int users, int items, int trainLikes, int validLikes, int testLikes, int dislikes,
                                 int testUsers, int coldTestLikes, int coldTestUsers, List<String> modalities) {
    }

    /**
     * The cold-start protocol's results ({@link io.stylegraph.training.eval.ColdUsers}); null when it did not run.
     *
     * @param users     users held out of training
     * @param testLikes their test likes
     * @param results   one per model and history length
     */
    public record ColdUsersSummary(int users, long seed, int testLikes, List<ColdUserResult> results) {
    }

    /** A model's test metrics on the cold users known by their first {@code likesKnown} likes. */
    public record ColdUserResult(String model, int likesKnown, Map<String, Double> test) {
    }

    public record ModelReport(String name, Map<String, String> parameters, String kernel, int epochsRun,
                              int bestEpoch, double secondsPerEpoch, double secondsPerEvaluation,
                              double trainingSeconds, double testEvaluationSeconds, Map<String, Double> test,
                              Map<String, Double> validation, Map<String, Double> coldItemTest,
                              long peakHeapBytes, long peakRssBytes,
                              List<EpochRecord> epochs) {
    }

    public record EpochRecord(int epoch, double loss, double trainSeconds, Double validRecall20, Double validNdcg20,
                              Double evaluationSeconds, boolean best) {
    }
}
