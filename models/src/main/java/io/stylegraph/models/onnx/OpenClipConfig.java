package io.stylegraph.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.models.preprocess.ResampleFilter;
import io.stylegraph.models.preprocess.ResizeMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings of an {@code open_clip_config.json} that decide preprocessing and tokenization. Absent values take
 * Marqo-FashionSigLIP's published ones: 224 px, bicubic squash, mean = std = 0.5, 64 tokens, canonicalize.
 *
 * @param imageSize     input side in pixels (the ONNX input shape wins when it is fixed)
 * @param contextLength tokens per text (the ONNX input shape wins when it is fixed)
 * @param canonicalize  whether text gets open_clip's canonicalize cleaning
 */
public record OpenClipConfig(int imageSize, ResizeMode resizeMode, ResampleFilter interpolation, float[] mean,
                             float[] std, int contextLength, boolean canonicalize) {

    public static final OpenClipConfig FASHION_SIGLIP = new OpenClipConfig(224, ResizeMode.SQUASH,
            ResampleFilter.BICUBIC, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, 64, true);

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public static OpenClipConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ModelFilesException("cannot read " + file + ": " + e.getMessage(), e);
        }
        OpenClipConfig d = FASHION_SIGLIP;
        JsonNode vision = root.path("model_cfg").path("vision_cfg");
        JsonNode text = root.path("model_cfg").path("text_cfg");
        JsonNode preprocess = root.path("preprocess_cfg");
        JsonNode size = vision.path("image_size");
        int imageSize = size.isInt() ? size.asInt() : size.isArray() ? size.get(0).asInt() : d.imageSize();
        if (size.isArray() && size.size() == 2 && size.get(0).asInt() != size.get(1).asInt()) {
            throw new ModelFilesException(file + ": non-square image_size " + size + " is not supported");
        }
        return new OpenClipConfig(
                imageSize,
                preprocess.has("resize_mode") ? ResizeMode.parse(preprocess.get("resize_mode").asText()) : d.resizeMode(),
                preprocess.has("interpolation")
                        ? ResampleFilter.parse(preprocess.get("interpolation").asText()) : d.interpolation(),
                triple(preprocess.path("mean"), d.mean(), file),
                triple(preprocess.path("std"), d.std(), file),
                text.path("context_length").asInt(d.contextLength()),
                !text.has("tokenizer_kwargs") || "canonicalize".equals(text.path("tokenizer_kwargs").path("clean").asText()));
    }

    private static float[] triple(JsonNode node, float[] fallback, Path file) {
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isArray() || node.size() != 3) {
            throw new ModelFilesException(file + ": expected three per-channel values, got " + node);
        }
        return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
    }
}
