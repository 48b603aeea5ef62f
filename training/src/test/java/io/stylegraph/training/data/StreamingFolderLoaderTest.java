package io.stylegraph.training.data;

import io.stylegraph.graph.imports.synthetic.SyntheticCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingFolderLoaderTest {

    @Test
    void shouldReadTheSameDataAsTheObjectLoaderFromAnInlineFolder(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("shop");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("interactions.jsonl"), String.join("\n",
                "{\"user_id\":\"u0\",\"item_id\":\"i6\",\"signal\":\"dislike\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i1\",\"signal\":\"like\",\"time\":\"2024-05-01T10:00:00Z\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i2\",\"signal\":\"like\",\"time\":\"2024-05-03\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i3\",\"signal\":\"like\",\"time\":\"2024-05-02T10:00:00Z\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i1\",\"signal\":\"like\",\"time\":\"2024-05-04T10:00:00Z\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i4\",\"signal\":\"liked\",\"time\":\"2024-05-05T10:00:00Z\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i5\",\"signal\":\"dislike\",\"time\":\"2024-04-01T00:00:00Z\"}",
                "{\"user_id\":\"u1\",\"item_id\":\"i6\",\"signal\":\"dislike\",\"time\":\"2024-06-01T00:00:00Z\"}",
                "{\"userId\":\"u2\",\"itemId\":\"i2\",\"signal\":\"like\",\"position\":3}",
                "{\"user_id\":\"u2\",\"item_id\":\"i3\",\"signal\":\"like\",\"position\":1}",
                "{\"user_id\":\"u2\",\"item_id\":\"i4\",\"signal\":\"like\",\"position\":2,\"split\":\"train\"}",
                "{\"user_id\":\"u2\",\"item_id\":\"i1\",\"signal\":\"like\",\"position\":0,\"source\":{\"a\":[1,2]}}",
                "{\"user_id\":\"u3\",\"item_id\":\"i2\",\"signal\":\"like\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i7\",\"signal\":\"like\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i1\",\"signal\":\"like\"}",
                "{\"user_id\":\"\",\"item_id\":\"i1\",\"signal\":\"like\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i1\",\"signal\":\"meh\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i8\",\"signal\":\"like\",\"time\":\"yesterday\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i9\",\"signal\":\"like\",\"split\":\"holdout\"}",
                "{\"user_id\":\"u3\",\"item_id\":\"i9\",\"signal\":\"like\",\"position\":\"x\"}") + "\n");
        Files.writeString(folder.resolve("vectors.jsonl"), String.join("\n",
                "{\"item_id\":\"i1\",\"visual_model\":\"v\",\"visual\":[1,0,0.5],\"text_model\":\"t\",\"text\":[0.1,0.2]}",
                "{\"item_id\":\"i2\",\"visual_model\":\"v\",\"visual\":[0,1,0.5]}",
                "{\"item_id\":\"i3\",\"text_model\":\"t\",\"text\":[0.3,0.4]}",
                "{\"item_id\":\"i4\",\"visual_model\":\"v\",\"visual\":[0,1]}",
                "{\"item_id\":\"i7\",\"visual_model\":\"v\",\"visual\":[0,\"a\",1]}",
                "{\"item_id\":\"i9\",\"visual_model\":\"v\",\"visual\":[1,1,1]}") + "\n");

        GenericFolderLoader.Loaded expected = GenericFolderLoader.load(folder);
        GenericFolderLoader.Loaded streamed = StreamingFolderLoader.load(folder);

        assertSame(expected, streamed);
        Dataset data = streamed.dataset();
        assertEquals(List.of("u1", "u2", "u3", "u0"), data.users().externalIds()); // likes first, then dislikes
        assertEquals(List.of("i1", "i2", "i3", "i4", "i7", "i6", "i5"), data.items().externalIds());
        // u1 likes i1, i3, i2, i4 in time order (the repeated i1 once): train i1 i3, valid i2, test i4
        assertArrayEquals(new int[] {0, 2}, data.split().train().itemsOf(0));
        assertArrayEquals(new int[] {1}, data.split().valid().itemsOf(0));
        assertArrayEquals(new int[] {3}, data.split().test().itemsOf(0));
        // u2 by position: i1, i3, i4, i2
        assertArrayEquals(new int[] {0, 2}, data.split().train().itemsOf(1));
        assertArrayEquals(new int[] {1}, data.split().test().itemsOf(1));
        // u1's dislike before its last train like stays, the later one goes; u0 has dislikes alone
        assertArrayEquals(new int[] {6}, data.dislikes().itemsOf(0));
        assertArrayEquals(new int[] {5}, data.dislikes().itemsOf(3));
        assertEquals(2, streamed.features().modalities().size());
        assertArrayEquals(new float[] {0, 1, 0.5f}, streamed.features().modalities().get(0).vectors()[1]);
        assertNull(streamed.features().modalities().get(0).vectors()[3]); // another dimension: skipped
        assertNull(streamed.features().modalities().get(0).vectors()[4]); // not a number: skipped
    }

    @Test
    void shouldReadTheSameDataAsTheObjectLoaderFromAGeneratedCatalogue(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("synthetic");
        new SyntheticCatalogue(new SyntheticCatalogue.Settings(300, 80, 2_000, 3, 2, 8),
                SyntheticCatalogue.Progress.SILENT).write(folder);

        GenericFolderLoader.Loaded expected = GenericFolderLoader.load(folder);
        GenericFolderLoader.Loaded streamed = StreamingFolderLoader.load(folder);

        assertSame(expected, streamed);
        assertTrue(streamed.dataset().split().train().nnz() > 1_000, "most of 2,000 likes train");
        assertEquals(2, streamed.features().modalities().size());
    }

    private static void assertSame(GenericFolderLoader.Loaded expected, GenericFolderLoader.Loaded actual) {
        Dataset a = expected.dataset();
        Dataset b = actual.dataset();
        assertEquals(a.users().externalIds(), b.users().externalIds());
        assertEquals(a.items().externalIds(), b.items().externalIds());
        assertSameMatrix(a.split().train(), b.split().train());
        assertSameMatrix(a.split().valid(), b.split().valid());
        assertSameMatrix(a.split().test(), b.split().test());
        assertSameMatrix(a.dislikes(), b.dislikes());
        List<ItemFeatures.Modality> ma = expected.features().modalities();
        List<ItemFeatures.Modality> mb = actual.features().modalities();
        assertEquals(ma.size(), mb.size());
        for (int m = 0; m < ma.size(); m++) {
            assertEquals(ma.get(m).name(), mb.get(m).name());
            assertEquals(ma.get(m).weight(), mb.get(m).weight());
            assertEquals(ma.get(m).vectors().length, mb.get(m).vectors().length);
            for (int i = 0; i < ma.get(m).vectors().length; i++) {
                assertArrayEquals(ma.get(m).vectors()[i], mb.get(m).vectors()[i], "item " + i);
            }
        }
    }

    private static void assertSameMatrix(InteractionMatrix a, InteractionMatrix b) {
        assertEquals(a.numUsers(), b.numUsers());
        assertEquals(a.numItems(), b.numItems());
        assertEquals(a.nnz(), b.nnz());
        for (int u = 0; u < a.numUsers(); u++) {
            assertArrayEquals(a.itemsOf(u), b.itemsOf(u), "user " + u);
        }
    }
}
