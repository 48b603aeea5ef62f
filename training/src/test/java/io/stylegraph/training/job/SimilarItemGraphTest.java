package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.stylegraph.training.graph.ItemNeighbours;
import org.junit.jupiter.api.Test;

class SimilarItemGraphTest {
    private static final List<String> IDS = List.of("item-a", "item-b", "item-c");

    /** k = 2 per item, the item itself first where it is its own neighbour. */
    private static ItemNeighbours neighbours(float abText) {
        return new ItemNeighbours(3, 2, List.of(
                new ItemNeighbours.Modality("text", 3.0, new int[]{0, 1, 1, 0, 2, 0},
                        new float[]{1f, abText, 1f, abText, 1f, 0.5f}, new int[]{2, 2, 2}),
                new ItemNeighbours.Modality("visual", 1.0, new int[]{2, 0, 0, 0, 0, 0},
                        new float[]{0.4f, 0f, 0f, 0f, 0f, 0f}, new int[]{1, 0, 0})));
    }

    @Test
    void shouldGiveThePairsWithTheirIdsAsTheTableListsThem() {
        SimilarItemGraph graph = SimilarItemGraph.of(neighbours(0.9f), IDS);

        List<SimilarItems> pairs = graph.stream().toList();

        assertEquals(4, graph.size());
        assertEquals(List.of(
                new SimilarItems("item-a", "item-b", 0.75 * 0.9f, Map.of("text", (double) 0.9f)),
                new SimilarItems("item-a", "item-c", 0.25 * 0.4f, Map.of("visual", (double) 0.4f)),
                new SimilarItems("item-b", "item-a", 0.75 * 0.9f, Map.of("text", (double) 0.9f)),
                new SimilarItems("item-c", "item-a", 0.75 * 0.5f, Map.of("text", (double) 0.5f))), pairs);
        assertTrue(SimilarItemGraph.EMPTY.isEmpty());
        assertTrue(SimilarItemGraph.of(null, List.of()).stream().findAny().isEmpty());
    }

    @Test
    void shouldDigestTheSameTableAlikeAndAnyChangedCosineOrIdApart() {
        String digest = SimilarItemGraph.of(neighbours(0.9f), IDS).digest();

        assertEquals(digest, SimilarItemGraph.of(neighbours(0.9f), List.copyOf(IDS)).digest());
        assertNotEquals(digest, SimilarItemGraph.of(neighbours(0.8f), IDS).digest(), "a cosine changed");
        assertNotEquals(digest, SimilarItemGraph.of(neighbours(0.9f), List.of("item-a", "item-b", "item-d"))
                .digest(), "an id changed");
        assertNotEquals(digest, SimilarItemGraph.EMPTY.digest());
        assertEquals(64, digest.length(), "SHA-256 in hex");
    }

    @Test
    void shouldRefuseFewerIdsThanItems() {
        assertThrows(IllegalArgumentException.class, () -> SimilarItemGraph.of(neighbours(0.9f), IDS.subList(0, 2)));
    }
}
