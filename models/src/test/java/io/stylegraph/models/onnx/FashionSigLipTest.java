package io.stylegraph.models.onnx;

import io.stylegraph.models.Vectors;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.preprocess.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.stylegraph.models.onnx.TinyTokenizer.EOS;
import static io.stylegraph.models.onnx.TinyTokenizer.PAD;
import static io.stylegraph.models.onnx.TinyTokenizer.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionSigLipTest {

    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    /** A model directory laid out as Marqo publishes it, with tiny towers. */
    private Path publishedLayout(long contextLength) {
        TinyModels.write(dir.resolve("onnx/vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyModels.write(dir.resolve("onnx/text_model.onnx"), TinyModels.text(contextLength, false));
        TinyTokenizer.write(dir);
        TinyTokenizer.writeSpecialTokensMap(dir, "[PAD]");
        return dir;
    }

    /** Pixels whose values differ per position and channel, so a transposed or mis-ordered layout shows. */
    private static BufferedImage pattern(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 7 + y * 3 + seed * 50) % 256;
                int g = (x * 2 + y * 11 + seed * 20) % 256;
                int b = (x < width / 2 ? 30 : 220) ^ (seed * 16);
                image.setRGB(x, y, (r << 16) | (g << 8) | (b & 0xFF));
            }
        }
        return image;
    }

    /** Normalization done by hand, independent of {@link Preprocessing}: (v / 255 - 0.5) / 0.5, planar. */
    private static float[] chwByHand(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] chw = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int[] channels = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
                for (int c = 0; c < 3; c++) {
                    chw[(c * h + y) * w + x] = (channels[c] / 255f - 0.5f) / 0.5f;
                }
            }
        }
        return chw;
    }

    @Test
    void shouldEncodeImagesAsThePlainJavaReferenceDoes() {
        List<BufferedImage> images = List.of(pattern(224, 224, 0), pattern(224, 224, 3));
        try (FashionSigLip siglip = FashionSigLip.open(publishedLayout(64))) {
            SigLipImageEncoder encoder = siglip.imageEncoder();
            assertEquals(TinyModels.DIM, encoder.dimension());
            assertEquals(ExecutionProvider.CPU, encoder.provider());
            List<float[]> vectors = encoder.encode(images);
            for (int i = 0; i < images.size(); i++) {
                float[] expected = Vectors.normalizeInPlace(TinyModels.visionReference(chwByHand(images.get(i)), 224, 224));
                assertArrayEquals(expected, vectors.get(i), TOLERANCE);
                assertEquals(1.0, Vectors.norm(vectors.get(i)), 1e-6);
            }
        }
    }

    @Test
    void shouldSquashOtherSizesToTheInputSizeFirst() {
        BufferedImage wide = pattern(300, 120, 1);
        try (FashionSigLip siglip = FashionSigLip.open(publishedLayout(64))) {
            Preprocessing preprocessing = Preprocessing.fashionSigLip(224);
            float[] chw = Preprocessing.toNchw(List.of(preprocessing.normalize(
                    preprocessing.resize(RgbImage.of(wide), 224, 224))), 224, 224);
            float[] expected = Vectors.normalizeInPlace(TinyModels.visionReference(chw, 224, 224));
            assertArrayEquals(expected, siglip.imageEncoder().encode(wide), TOLERANCE);
        }
    }

    @Test
    void shouldEncodeTextsAsThePlainJavaReferenceDoesWithThePadTokenOfTheModel() {
        try (FashionSigLip siglip = FashionSigLip.open(publishedLayout(8))) {
            SigLipTextEncoder encoder = siglip.textEncoder();
            List<float[]> vectors = encoder.encode(List.of("Red summer dress", "leather boots"));
            long[] first = {id("red"), id("summer"), id("dress"), EOS, PAD, PAD, PAD, PAD};
            long[] second = {id("leather"), id("boots"), EOS, PAD, PAD, PAD, PAD, PAD};
            assertArrayEquals(Vectors.normalizeInPlace(TinyModels.textReference(first)), vectors.get(0), TOLERANCE);
            assertArrayEquals(Vectors.normalizeInPlace(TinyModels.textReference(second)), vectors.get(1), TOLERANCE);
        }
    }

    @Test
    void shouldPadWithEndOfTextWhenNoSpecialTokensMapIsGiven() throws IOException {
        publishedLayout(6);
        Files.delete(dir.resolve("special_tokens_map.json"));
        try (FashionSigLip siglip = FashionSigLip.open(dir)) {
            long[] ids = {id("wool"), id("coat"), EOS, EOS, EOS, EOS};
            assertArrayEquals(Vectors.normalizeInPlace(TinyModels.textReference(ids)),
                    siglip.textEncoder().encode("wool coat"), TOLERANCE);
        }
    }

    @Test
    void shouldAcceptModelFilesAtTheTopLevel() {
        TinyModels.write(dir.resolve("vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyModels.write(dir.resolve("text_model.onnx"), TinyModels.text(64, false));
        TinyTokenizer.write(dir);
        try (FashionSigLip siglip = FashionSigLip.open(dir)) {
            assertEquals(TinyModels.DIM, siglip.textEncoder().dimension());
            assertTrue(siglip.imageEncoder().modelId().endsWith("/vision"));
        }
    }

    @Test
    void shouldNameTheMissingFile() {
        TinyModels.write(dir.resolve("onnx/vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyTokenizer.write(dir);
        ModelFilesException e = assertThrows(ModelFilesException.class, () -> FashionSigLip.open(dir));
        assertTrue(e.getMessage().contains("onnx/text_model.onnx or text_model.onnx"), e.getMessage());

        ModelFilesException noDir = assertThrows(ModelFilesException.class,
                () -> FashionSigLip.open(dir.resolve("absent")));
        assertTrue(noDir.getMessage().contains("absent"), noDir.getMessage());
    }

    @Test
    void shouldTakeSizesFromOpenClipConfigWhenTheModelLeavesThemOpen() throws IOException {
        TinyModels.write(dir.resolve("onnx/vision_model.onnx"), TinyModels.vision(0, 0, false));
        TinyModels.write(dir.resolve("onnx/text_model.onnx"), TinyModels.text(0, false));
        TinyTokenizer.write(dir);
        Files.writeString(dir.resolve("open_clip_config.json"), """
                {"model_cfg": {"vision_cfg": {"image_size": 32},
                               "text_cfg": {"context_length": 5, "tokenizer_kwargs": {"clean": "canonicalize"}}},
                 "preprocess_cfg": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5],
                                    "interpolation": "bicubic", "resize_mode": "squash"}}
                """);
        BufferedImage small = pattern(32, 32, 2);
        try (FashionSigLip siglip = FashionSigLip.open(dir)) {
            assertEquals(TinyModels.DIM, siglip.imageEncoder().dimension(), "dimension probed by a test run");
            float[] expected = Vectors.normalizeInPlace(TinyModels.visionReference(chwByHand(small), 32, 32));
            assertArrayEquals(expected, siglip.imageEncoder().encode(small), TOLERANCE);
            long[] ids = {id("linen"), id("shirt"), EOS, EOS, EOS};
            assertArrayEquals(Vectors.normalizeInPlace(TinyModels.textReference(ids)),
                    siglip.textEncoder().encode("Linen shirt."), TOLERANCE);
        }
    }

    @Test
    void shouldFeedAnAttentionMaskWhenTheExportDeclaresOne() {
        TinyModels.write(dir.resolve("onnx/vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyModels.write(dir.resolve("onnx/text_model.onnx"), TinyModels.text(4, true));
        TinyTokenizer.write(dir);
        try (FashionSigLip siglip = FashionSigLip.open(dir)) {
            long[] ids = {id("blue"), EOS, EOS, EOS};
            assertArrayEquals(Vectors.normalizeInPlace(TinyModels.textReference(ids)),
                    siglip.textEncoder().encode("blue"), TOLERANCE);
        }
    }

    @Test
    void shouldRunBatchesLargerThanMaxBatchInChunksKeepingOrder() {
        List<BufferedImage> images = List.of(pattern(224, 224, 0), pattern(224, 224, 1), pattern(224, 224, 2),
                pattern(224, 224, 3), pattern(224, 224, 4));
        try (FashionSigLip siglip = FashionSigLip.open(publishedLayout(64), new OnnxSessions(), 2)) {
            List<float[]> batched = siglip.imageEncoder().encode(images);
            assertEquals(images.size(), batched.size());
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(siglip.imageEncoder().encode(images.get(i)), batched.get(i), TOLERANCE);
            }
            List<float[]> texts = siglip.textEncoder().encode(List.of("red", "blue", "black", "wool", "coat"));
            assertArrayEquals(siglip.textEncoder().encode("wool"), texts.get(3), TOLERANCE);
        }
    }

    @Test
    void shouldRefuseAPreprocessingThatDoesNotFitTheModelInput() {
        Path file = TinyModels.write(dir.resolve("vision_model.onnx"), TinyModels.vision(224, 224, true));
        OnnxModel model = new OnnxSessions().open(file);
        try {
            ModelFilesException e = assertThrows(ModelFilesException.class,
                    () -> new SigLipImageEncoder(model, Preprocessing.fashionSigLip(256), "x", 4));
            assertTrue(e.getMessage().contains("224x224"), e.getMessage());
        } finally {
            model.close();
        }
    }
}
