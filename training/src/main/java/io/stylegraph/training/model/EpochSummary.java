package io.stylegraph.training.model;

import io.stylegraph.training.eval.EvaluationResult;

import java.util.Optional;

/** One finished epoch: mean batch loss, training seconds, and the validation pass if there was one. */
public record EpochSummary(int epoch, double loss, double trainSeconds, Optional<EvaluationResult> validation,
                           boolean best) {
}
