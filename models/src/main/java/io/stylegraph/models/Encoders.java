package io.stylegraph.models;

import io.stylegraph.models.classical.ColourGradientDescriptor;
import io.stylegraph.models.onnx.FashionSigLip;
import io.stylegraph.models.onnx.OnnxSessions;
import io.stylegraph.models.text.MiniLmTextEncoder;

import java.nio.file.Path;

/**
 * The image and text encoders a deployment runs with. Closing this closes both.
 *
 * @param sharedSpace whether text vectors are comparable with image vectors (text-to-image search), true only
 *                    for a two-tower model such as FashionSigLIP; otherwise text is matched against text
 */
public record Encoders(ImageEncoder images, TextEncoder texts, boolean sharedSpace) implements AutoCloseable {

    /** Needs no model files: the colour/gradient descriptor and all-MiniLM-L6-v2, in separate spaces. */
    public static Encoders builtIn() {
        return new Encoders(new ColourGradientDescriptor(), new MiniLmTextEncoder(), false);
    }

    /** Marqo-FashionSigLIP from a model directory: both towers, one space. */
    public static Encoders fashionSigLip(Path modelDir, OnnxSessions sessions, int maxBatch) {
        FashionSigLip siglip = FashionSigLip.open(modelDir, sessions, maxBatch);
        return new Encoders(siglip.imageEncoder(), siglip.textEncoder(), true);
    }

    @Override
    public void close() {
        try {
            images.close();
        } finally {
            texts.close();
        }
    }
}
