package io.stylegraph.graph.imports;

import java.util.Objects;

/**
 * An item's visual and/or text vector computed outside Stylegraph, read from a catalogue's {@code vectors} file, with
 * the encoder that made each. The import stores them as {@code Item.visual}/{@code Item.text} with that encoder as
 * {@code visualModel}/{@code textModel} and {@link #INPUT} as {@code visualInput}/{@code textInput}, so the item
 * counts as embedded by that encoder whatever its image or words.
 */
public record PrecomputedVectors(String itemId, String visualModel, float[] visual, String textModel, float[] text) {
    /** The input recorded for a vector that came with the catalogue rather than from the item's image or words. */
    public static final String INPUT = "precomputed";

    public PrecomputedVectors {
        Objects.requireNonNull(itemId, "itemId");
        if (visual == null && text == null) {
            throw new IllegalArgumentException("an item's precomputed vectors need a visual or a text vector");
        }
        if ((visual == null) != (visualModel == null) || (text == null) != (textModel == null)) {
            throw new IllegalArgumentException("each precomputed vector needs the name of its model, and only those");
        }
    }
}
