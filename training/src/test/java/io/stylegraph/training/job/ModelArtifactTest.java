package io.stylegraph.training.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.stylegraph.training.model.ItemNeighbourTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

    @TempDir
    Path root;

    private static ModelArtifact tiny(float bias) {
        return new ModelArtifact(null, List.of("u1"), List.of("i1", "i2"), 2,
                new float[] {bias, 1f}, new float[] {0.5f, bias, -1f, 2f}, Map.of("model", "freedom"));
    }

    @Test
    void shouldRoundTripEmbeddingsAndIds() throws Exception {
        ModelArtifact written = tiny(0.25f).writeTo(root.resolve("freedom-20261201-120000"));
        ModelArtifact read = ModelArtifact.read(written.directory());
        assertEquals(List.of("i1", "i2"), read.itemIds());
        assertArrayEquals(new float[] {0.25f, 1f}, read.userEmbeddings());
        assertArrayEquals(new float[] {0.5f, 0.25f, -1f, 2f}, read.itemEmbeddings());
        assertEquals(2, ((Number) read.metadata().get("items")).intValue());
    }

    @Test
    void shouldRoundTripTheItemWalkTableAndReadArtifactsWithoutOne() throws Exception {
        ItemNeighbourTable walk = new ItemNeighbourTable(new int[] {0, 1, 1}, new int[] {1}, new float[] {0.5f},
                new float[] {0.01f, 0.02f});
        ModelArtifact with = tiny(1f).withItemWalk(walk).writeTo(root.resolve("with"));
        ModelArtifact without = tiny(1f).writeTo(root.resolve("without"));

        assertEquals(walk, ModelArtifact.read(with.directory()).itemWalk());
        assertNull(ModelArtifact.read(without.directory()).itemWalk());
        // item 0, which no row reaches, scores through item 1
        ItemNeighbourTable lookalikes = walk.withLookalikes(new int[][] {{1}, null});
        ModelArtifact withLookalikes = tiny(1f).withItemWalk(lookalikes).writeTo(root.resolve("lookalikes"));
        ItemNeighbourTable read = ModelArtifact.read(withLookalikes.directory()).itemWalk();
        assertEquals(lookalikes, read);
        assertTrue(read.hasLookalikes());
        // cut short, it is refused like any table that does not fit
        Path file = withLookalikes.directory().resolve("item-walk.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        assertThrows(IOException.class, () -> ModelArtifact.read(withLookalikes.directory()));
    }

    @Test
    void shouldRefuseAnItemWalkTableThatDoesNotFitTheItems() throws Exception {
        ModelArtifact written = tiny(1f).withItemWalk(new ItemNeighbourTable(new int[] {0, 1, 1}, new int[] {1},
                new float[] {0.5f}, new float[2])).writeTo(root.resolve("walk"));
        Path file = written.directory().resolve("item-walk.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));

        IOException error = assertThrows(IOException.class, () -> ModelArtifact.read(written.directory()));
        assertTrue(error.getMessage().contains("item-walk.bin"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tiny(1f).withItemWalk(new ItemNeighbourTable(
                new int[] {0, 0}, new int[0], new float[0], new float[1])));
    }

    @Test
    void shouldNotOverwriteAnArtifactWrittenInTheSameSecond() throws Exception {
        Path target = root.resolve("freedom-20261201-120000");
        ModelArtifact first = tiny(1f).writeTo(target);
        ModelArtifact second = tiny(2f).writeTo(target);
        ModelArtifact third = tiny(3f).writeTo(target);

        assertEquals(target, first.directory());
        assertEquals(root.resolve("freedom-20261201-120000-2"), second.directory());
        assertEquals(root.resolve("freedom-20261201-120000-3"), third.directory());
        assertNotEquals(first.directory(), second.directory());
        assertEquals(1f, ModelArtifact.read(first.directory()).userEmbeddings()[0]);
        assertEquals(2f, ModelArtifact.read(second.directory()).userEmbeddings()[0]);
        try (var leftovers = Files.list(root)) {
            assertEquals(3, leftovers.count(), "no half-written temporary folders left behind");
        }
    }
}
