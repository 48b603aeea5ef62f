package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFilesTest {

    @TempDir
    Path folder;

    @Test
    void shouldReadBackTheVectorsInTheirOrderForTheSameModelOnly() throws IOException {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        vectors.put("fp-2", new float[] {0.6f, -0.8f, 0f});
        vectors.put("fp-1", new float[] {1f, 0f, Float.MIN_VALUE});
        Path file = folder.resolve("cache/visual.bin");

        VectorFiles.write(file, "gradient-v1", vectors);
        Map<String, float[]> read = VectorFiles.read(file, "gradient-v1").orElseThrow();

        assertEquals(List.of("fp-2", "fp-1"), List.copyOf(read.keySet()));
        assertArrayEquals(vectors.get("fp-2"), read.get("fp-2"));
        assertArrayEquals(vectors.get("fp-1"), read.get("fp-1"));
        assertTrue(VectorFiles.read(file, "siglip").isEmpty(), "written by another model");
        assertTrue(VectorFiles.read(folder.resolve("missing.bin"), "gradient-v1").isEmpty());
    }
}
