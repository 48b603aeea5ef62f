package io.stylegraph.training.model;

/** Told about each epoch as training goes; may stop it early by returning false. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = summary -> true;

    /** Called after every epoch; returning false stops training (the best model so far is kept). */
    boolean onEpoch(EpochSummary summary);
}
