package io.stylegraph.models.onnx;

import io.stylegraph.models.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodersTest {

    @TempDir
    Path dir;

    @Test
    void shouldOfferBuiltInEncodersInSeparateSpaces() {
        try (Encoders encoders = Encoders.builtIn()) {
            assertFalse(encoders.sharedSpace());
            assertEquals(388, encoders.images().dimension());
            assertEquals(384, encoders.texts().dimension());
        }
    }

    @Test
    void shouldOfferFashionSigLipTowersInOneSpace() {
        TinyModels.write(dir.resolve("onnx/vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyModels.write(dir.resolve("onnx/text_model.onnx"), TinyModels.text(64, false));
        TinyTokenizer.write(dir);
        try (Encoders encoders = Encoders.fashionSigLip(dir, new OnnxSessions(), 8)) {
            assertTrue(encoders.sharedSpace());
            assertEquals(encoders.images().dimension(), encoders.texts().dimension());
        }
    }
}
