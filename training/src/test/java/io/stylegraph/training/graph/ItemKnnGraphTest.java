package io.stylegraph.training.graph;

import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.model.ItemFeatures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItemKnnGraphTest {

    private static final float[][] VISUAL = {
            {1f, 0f}, {0.9f, 0.1f}, {0f, 1f}, {0.1f, 0.9f}, null};

    @Test
    void shouldLinkEachItemToItsMostSimilarItemsWithSymmetricNormalization() {
        ItemFeatures features = new ItemFeatures(5, List.of(new ItemFeatures.Modality("visual", VISUAL, 1.0)));

        CsrMatrix s = new ItemKnnGraph(2).build(features);

        // k = 2 with the item itself included: every row degree is 2, so every weight is 1/√(2·2)
        assertEquals(0.5, s.get(0, 0), 1e-6);
        assertEquals(0.5, s.get(0, 1), 1e-6);
        assertEquals(0.0, s.get(0, 2), 1e-6);
        assertEquals(0.5, s.get(2, 3), 1e-6);
        assertEquals(0, s.rowStart()[5] - s.rowStart()[4], "an item without a vector has no neighbours");
        assertEquals(8, s.nnz());
    }

    @Test
    void shouldMixModalitiesByTheirWeights() {
        float[][] text = {{0f, 1f}, {1f, 0f}, {0f, 1f}, {1f, 0f}, {1f, 1f}};
        ItemFeatures features = new ItemFeatures(5, List.of(
                new ItemFeatures.Modality("visual", VISUAL, 1.0),
                new ItemFeatures.Modality("text", text, 3.0)));

        CsrMatrix s = new ItemKnnGraph(2).build(features);

        // item 0 – item 2 exist only in the text graph (weight 3/4); item 0 – item 1 only in the visual one (1/4)
        assertEquals(0.75 * 0.5, s.get(0, 2), 1e-6);
        assertEquals(0.25 * 0.5, s.get(0, 1), 1e-6);
        assertEquals(0.5, s.get(0, 0), 1e-6);
    }
}
