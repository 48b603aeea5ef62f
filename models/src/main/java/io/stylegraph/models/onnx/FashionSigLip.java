package io.stylegraph.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.models.preprocess.Preprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Marqo-FashionSigLIP's two towers, opened from a model directory laid out as published
 * ({@code onnx/vision_model.onnx}, {@code onnx/text_model.onnx}, {@code tokenizer.json}, optionally
 * {@code special_tokens_map.json} and {@code open_clip_config.json}); the ONNX files may also sit at the top level.
 * Words and pictures then share one 768-d space. Closing this closes both encoders.
 */
public final class FashionSigLip implements AutoCloseable {

    public static final int DEFAULT_MAX_BATCH = 16;
    /** SigLIP pads with its end-of-text token when no special_tokens_map.json says otherwise. */
    static final String SIGLIP_PAD_TOKEN = "</s>";

    private final SigLipImageEncoder imageEncoder;
    private final SigLipTextEncoder textEncoder;

    private FashionSigLip(SigLipImageEncoder imageEncoder, SigLipTextEncoder textEncoder) {
        this.imageEncoder = imageEncoder;
        this.textEncoder = textEncoder;
    }

    /** Opens both towers on the CPU. */
    public static FashionSigLip open(Path modelDir) {
        return open(modelDir, new OnnxSessions(), DEFAULT_MAX_BATCH);
    }

    /**
     * @param sessions decides CPU or CUDA
     * @param maxBatch most items per model run
     * @throws ModelFilesException naming the missing or unreadable file
     */
    public static FashionSigLip open(Path modelDir, OnnxSessions sessions, int maxBatch) {
        if (!Files.isDirectory(modelDir)) {
            throw new ModelFilesException("FashionSigLIP model directory not found: " + modelDir);
        }
        Path vision = require(modelDir, "vision tower", "onnx/vision_model.onnx", "vision_model.onnx");
        Path text = require(modelDir, "text tower", "onnx/text_model.onnx", "text_model.onnx");
        Path tokenizerJson = require(modelDir, "tokenizer", "tokenizer.json", "onnx/tokenizer.json");
        OpenClipConfig config = find(modelDir, "open_clip_config.json").map(OpenClipConfig::read)
                .orElse(OpenClipConfig.FASHION_SIGLIP);
        String padToken = padToken(modelDir);
        String name = modelDir.toAbsolutePath().normalize().getFileName().toString();

        OnnxModel visionModel = sessions.open(vision);
        OnnxModel textModel = null;
        SigLipTokenizer tokenizer = null;
        try {
            long[] declaredSize = SigLipImageEncoder.inputHeightWidth(visionModel);
            int size = declaredSize[0] > 0 ? (int) declaredSize[0] : config.imageSize();
            int width = declaredSize[1] > 0 ? (int) declaredSize[1] : size;
            Preprocessing preprocessing = new Preprocessing(width, size, config.resizeMode(), config.interpolation(),
                    config.mean(), config.std());
            SigLipImageEncoder images = new SigLipImageEncoder(visionModel, preprocessing,
                    "fashion-siglip:" + name + "/vision", maxBatch);

            textModel = sessions.open(text);
            long declaredLength = SigLipTextEncoder.declaredContextLength(textModel);
            int contextLength = declaredLength > 0 ? (int) declaredLength : config.contextLength();
            tokenizer = new SigLipTokenizer(tokenizerJson, contextLength, padToken, config.canonicalize());
            SigLipTextEncoder texts = new SigLipTextEncoder(textModel, tokenizer, "fashion-siglip:" + name + "/text",
                    maxBatch);
            return new FashionSigLip(images, texts);
        } catch (RuntimeException e) {
            visionModel.close();
            if (textModel != null) {
                textModel.close();
            }
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw e;
        }
    }

    public SigLipImageEncoder imageEncoder() {
        return imageEncoder;
    }

    public SigLipTextEncoder textEncoder() {
        return textEncoder;
    }

    private static Path require(Path dir, String what, String... candidates) {
        for (String candidate : candidates) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new ModelFilesException("FashionSigLIP model directory " + dir + " has no " + what + ": expected "
                + String.join(" or ", candidates));
    }

    private static Optional<Path> find(Path dir, String file) {
        return List.of(dir.resolve(file), dir.resolve("onnx").resolve(file)).stream()
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** {@code pad_token} from special_tokens_map.json or tokenizer_config.json, as a string or {"content": ...}. */
    private static String padToken(Path dir) {
        for (String name : List.of("special_tokens_map.json", "tokenizer_config.json")) {
            Optional<Path> file = find(dir, name);
            if (file.isEmpty()) {
                continue;
            }
            JsonNode pad;
            try {
                pad = new ObjectMapper().readTree(Files.readAllBytes(file.get())).path("pad_token");
            } catch (IOException e) {
                throw new ModelFilesException("cannot read " + file.get() + ": " + e.getMessage(), e);
            }
            if (pad.isTextual()) {
                return pad.asText();
            }
            if (pad.path("content").isTextual()) {
                return pad.path("content").asText();
            }
        }
        return SIGLIP_PAD_TOKEN;
    }

    @Override
    public void close() {
        try {
            imageEncoder.close();
        } finally {
            textEncoder.close();
        }
    }
}
