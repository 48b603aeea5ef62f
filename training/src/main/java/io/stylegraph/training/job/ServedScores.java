package io.stylegraph.training.job;

import java.util.function.IntPredicate;

import io.stylegraph.training.model.Standardization;

/**
 * One user's scores as the served model gives them ({@link ServableModel#scoreAll(float[], java.util.Collection,
 * boolean)}: model, plus the item-walk where the run chose one, both standardized per user), read item by item: by a
 * full scan ({@link ExactScores}) or from an ANN index's candidates ({@link AnnScoring}). Valid until the calling
 * thread asks for the next user's scores.
 */
public interface ServedScores {

    /** The served score of one item row. */
    double score(int row);

    /** Mean and standard deviation of the served scores over every item of the model. */
    Standardization spread();

    /** The rows of the k best-scored items that {@code wanted} accepts, best first. */
    int[] top(int k, IntPredicate wanted);

    /**
     * As {@link #top(int, IntPredicate)}, told that every row {@code wanted} can accept is in {@code among} (a posting
     * list of the filter: ascending rows, a superset of those it accepts; null when no list is known). A list short
     * enough is scored whole instead of searched, which keeps a selective filter's list exact.
     */
    int[] top(int k, IntPredicate wanted, int[] among);

    /** Whether these scores came from the ANN index (false: the exact scan). */
    boolean approximate();
}
