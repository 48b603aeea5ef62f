package io.stylegraph.training.job;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.SnapshotEdge;
import io.stylegraph.training.data.ItemFeatures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotDatasetBuilderTest {

    private static GraphSnapshot snapshot(Map<String, List<String>> terms, Map<String, Map<String, float[]>> vectors) {
        List<SnapshotEdge> likes = List.of(
                new SnapshotEdge("ann", "dress-1", Signal.LIKE, 1, 0, null),
                new SnapshotEdge("ann", "dress-2", Signal.LIKE, 2, 1, null),
                new SnapshotEdge("ann", "boot-1", Signal.LIKE, 3, 2, null));
        return new GraphSnapshot(Instant.EPOCH, List.of("dress-1", "dress-2", "boot-1", "boot-2", "plain"), likes,
                vectors, terms);
    }

    @Test
    void shouldBuildATermsModalityFromTheItemsContentTerms() {
        Map<String, List<String>> terms = Map.of(
                "dress-1", List.of("category:Women", "category:Dresses", "brand:Acme"),
                "dress-2", List.of("category:Women", "category:Dresses"),
                "boot-1", List.of("category:Women", "category:Boots", "brand:Acme"),
                "boot-2", List.of("category:Men", "category:Boots"));

        SnapshotDataset dataset = SnapshotDatasetBuilder.standard().build(snapshot(terms, Map.of()));

        ItemFeatures features = dataset.features();
        assertEquals(1, features.modalities().size());
        ItemFeatures.Modality modality = features.modalities().get(0);
        assertEquals(SnapshotDatasetBuilder.TERMS_MODALITY, modality.name());
        // kept: terms on 2–3 of the 4 items with terms (Women, Dresses, Boots, Acme); Men is on one item only
        assertEquals(4, modality.dimension());
        int dress1 = dataset.items().find("dress-1").getAsInt();
        int dress2 = dataset.items().find("dress-2").getAsInt();
        int boot2 = dataset.items().find("boot-2").getAsInt();
        assertNotNull(modality.vectors()[dress1]);
        assertNull(modality.vectors()[dataset.items().find("plain").getAsInt()], "an item without terms");
        assertTrue(cosine(modality.vectors()[dress1], modality.vectors()[dress2])
                > cosine(modality.vectors()[dress1], modality.vectors()[boot2]));
    }

    @Test
    void shouldAddNoTermsModalityWhenNoItemHasTermsAndKeepStoredVectors() {
        Map<String, Map<String, float[]>> vectors = Map.of("text", Map.of("dress-1", new float[] {1, 0},
                "boot-1", new float[] {0, 1}));

        SnapshotDataset dataset = SnapshotDatasetBuilder.standard().build(snapshot(Map.of(), vectors));

        assertEquals(List.of("text"), dataset.features().modalities().stream().map(ItemFeatures.Modality::name)
                .toList());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
