package io.stylegraph.training.model;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Told about each epoch as training goes, and about the batches within a long one; may stop it early. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = summary -> true;

    /** Called after every epoch; returning false stops training (the best model so far is kept). */
    boolean onEpoch(EpochSummary summary);

    /**
     * Called within an epoch every {@link BatchProgress#EVERY_SECONDS} seconds or so, by trainers whose epochs run for
     * minutes (at 1 M items a FREEDOM epoch takes about 20 minutes on two cores); never after the epoch's last batch.
     */
    default void onBatches(BatchProgress progress) {
    }

    /**
     * Part of an epoch done.
     *
     * @param epoch    the epoch, from 1
     * @param done     batches done
     * @param batches  batches in the epoch
     * @param loss     mean loss of the batches done
     * @param seconds  since the epoch began
     */
    record BatchProgress(int epoch, int done, int batches, double loss, double seconds) {
        /** How often a trainer reports within an epoch. */
        public static final int EVERY_SECONDS = 30;

        /** Seconds the rest of the epoch should take at the pace so far. */
        public double secondsLeft() {
            return done == 0 ? Double.NaN : seconds * (batches - done) / done;
        }
    }

    /** Both kinds of news to their own receiver. */
    static TrainingListener of(Predicate<EpochSummary> epochs, Consumer<BatchProgress> batches) {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(batches, "batches");
        return new TrainingListener() {
            @Override
            public boolean onEpoch(EpochSummary summary) {
                return epochs.test(summary);
            }

            @Override
            public void onBatches(BatchProgress progress) {
                batches.accept(progress);
            }
        };
    }
}
