package io.stylegraph.training.cli;

import java.util.List;
import java.util.Map;

/** What {@code evaluate} writes: the run, the data, and per model its course and test metrics. */
public record EvaluationReport(String dataset, DatasetSummary data, String command, String gitRevision,
                               String startedAt, String finishedAt, Machine machine, List<ModelReport> models) {

    /**
     * @param coldTestLikes test likes of items that have no train like, by {@code coldTestUsers} users
     * @param modalities    the item content modalities the content-aware models were given
     */
    public record DatasetSummary(int users, int items, int trainLikes, int validLikes, int testLikes, int dislikes,
                                 int testUsers, int coldTestLikes, int coldTestUsers, List<String> modalities) {
    }

    public record Machine(int cores, long maxHeapBytes, String java, String os) {
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
