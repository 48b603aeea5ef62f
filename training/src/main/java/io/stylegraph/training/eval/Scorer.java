package io.stylegraph.training.eval;

/** Scores every item for a block of users. */
@FunctionalInterface
public interface Scorer {

    /** Writes users.length × numItems scores, row-major, into {@code out}. */
    void score(int[] users, float[] out);
}
