package io.stylegraph.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.stylegraph.models.onnx.ModelFilesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyEncodersTest {

    @Test
    void shouldOpenTheBuiltInPairOnFirstUseOnlyAndReopenAfterClose() {
        try (LazyEncoders encoders = new LazyEncoders(null)) {
            assertFalse(encoders.opened());
            assertFalse(encoders.sharedSpace());

            TextEncoder text = encoders.text();

            assertTrue(encoders.opened());
            assertEquals(384, text.dimension());
            assertEquals(388, encoders.image().dimension());
            assertSame(text, encoders.text());

            encoders.close();

            assertFalse(encoders.opened());
            assertNotSame(text, encoders.text());
        }
    }

    @Test
    void shouldKnowTheSharedSpaceOfAModelFolderBeforeOpeningAndFailItsFirstUseWhenFilesAreMissing(
            @TempDir Path empty) {
        LazyEncoders encoders = new LazyEncoders(empty);

        assertTrue(encoders.sharedSpace());
        assertFalse(encoders.opened());
        ModelFilesException missing = assertThrows(ModelFilesException.class, encoders::image);
        assertTrue(missing.getMessage().contains("vision_model.onnx"), missing.getMessage());
        assertFalse(encoders.opened());
    }
}
