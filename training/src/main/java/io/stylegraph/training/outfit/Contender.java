package io.stylegraph.training.outfit;

import java.util.function.UnaryOperator;

/**
 * A model measured by an {@link OutfitEvaluation}, seen through a change of its items (e.g. with the category
 * hidden), under a label; {@code perSlot} asks for its complete-the-look figures per slot too.
 */
record Contender(String label, CompatibilityModel model, UnaryOperator<ItemVectors> view, boolean perSlot) {

    Contender(String label, CompatibilityModel model, UnaryOperator<ItemVectors> view) {
        this(label, model, view, false);
    }

    /** The model itself under a label. */
    static Contender of(String label, CompatibilityModel model) {
        return new Contender(label, model, UnaryOperator.identity());
    }
}
