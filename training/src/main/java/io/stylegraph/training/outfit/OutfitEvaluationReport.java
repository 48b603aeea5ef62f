package io.stylegraph.training.outfit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.stylegraph.training.report.Machine;
import io.stylegraph.training.report.Provenance;

/**
 * What an {@link OutfitEvaluation} found, as {@code evaluate-outfits} writes it: the run, the data, the trained
 * model's course and, per benchmark, every model's figure beside the random scorer's and the chance level.
 *
 * @param results    one row per benchmark; {@code scores} maps a model label to its figure (accuracy in [0, 1] for
 *                   fill-in-the-blank, AUC for compatibility)
 * @param timings    seconds and rates measured in the run (text encoding, training, scoring)
 * @param anchors    published figures to read ours against, with what they used
 * @param notes      what the figures are and are not
 * @param retrieval  complete-the-look retrieval ({@link CompleteTheLook}), one row per pool, model and slot; empty
 *                   where not measured (and then left out of the JSON, as in reports written before it existed)
 */
public record OutfitEvaluationReport(String dataset, String command, String gitRevision, String startedAt,
                                     String finishedAt, Machine machine, Map<String, Object> data,
                                     Map<String, String> parameters, List<Result> results, List<Epoch> epochs,
                                     Map<String, Double> timings, long peakHeapBytes, long peakRssBytes,
                                     List<String> anchors, List<String> notes,
                                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RetrievalRow> retrieval) {

    public OutfitEvaluationReport {
        retrieval = retrieval == null ? List.of() : List.copyOf(retrieval);
    }

    /** The run's command, revision, times and machine. */
    @JsonIgnore
    public Provenance provenance() {
        return new Provenance(command, gitRevision, startedAt, finishedAt, machine);
    }

    /**
     * One benchmark.
     *
     * @param metric "FITB accuracy" or "AUC"
     * @param count  questions (FITB) or positive outfits (AUC; as many negatives)
     * @param chance the expected figure of a random guess (1 / candidates, or 0.5)
     * @param scores figure per model label, including the measured random scorer
     */
    public record Result(String benchmark, String metric, String protocol, int count, double chance,
                         Map<String, Double> scores) {
    }

    /**
     * acc@k of one model on one complete-the-look pool, overall or for the questions of one slot.
     *
     * @param pool       which candidates were ranked
     * @param model      the model's label (or a published figure's source)
     * @param slot       the hidden item's slot, or null for every question
     * @param questions  questions counted; null where unknown (a published figure)
     * @param candidates mean candidates per question; null where unknown
     * @param accuracy   acc@k by k
     */
    public record RetrievalRow(String pool, String model, String slot, Integer questions, Double candidates,
                               Map<Integer, Double> accuracy) {
    }

    public record Epoch(int epoch, double loss, double seconds, int examples) {
    }
}
