package io.stylegraph.models.text;

import io.stylegraph.models.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniLmTextEncoderTest {

    private final MiniLmTextEncoder encoder = new MiniLmTextEncoder();

    @AfterAll
    void close() {
        encoder.close();
    }

    @Test
    void shouldPlaceADressNearerItsSynonymThanBoots() {
        List<float[]> v = encoder.encode(List.of("red summer dress", "crimson sundress", "leather hiking boots"));
        double synonym = Vectors.dot(v.get(0), v.get(1));
        double unrelated = Vectors.dot(v.get(0), v.get(2));
        assertTrue(synonym > unrelated + 0.1, "dress~sundress " + synonym + " vs dress~boots " + unrelated);
    }

    @Test
    void shouldReturnUnitVectorsOf384Dimensions() {
        float[] v = encoder.encode("slim fit denim jacket");
        assertEquals(384, v.length);
        assertEquals(384, encoder.dimension());
        assertEquals(1.0, Vectors.norm(v), 1e-5);
        assertEquals("all-MiniLM-L6-v2", encoder.modelId());
    }

    @Test
    void shouldGiveTheSameVectorAloneAndInABatch() {
        List<float[]> batch = encoder.encode(List.of("wool coat", "linen shirt"));
        assertArrayEquals(encoder.encode("linen shirt"), batch.get(1), 1e-5f);
    }

    @Test
    void shouldRejectBlankTexts() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of("coat", "  ")));
    }
}
