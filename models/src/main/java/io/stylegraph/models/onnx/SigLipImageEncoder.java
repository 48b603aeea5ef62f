package io.stylegraph.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.stylegraph.models.EncoderException;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.preprocess.Preprocessing;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SigLIP-style vision tower in ONNX (Marqo-FashionSigLIP's {@code vision_model.onnx}): pictures go through
 * {@link Preprocessing} into a float {@code [N, 3, H, W]} input; the pooled embedding output is L2-normalized.
 * Input and output names and sizes come from the session's metadata. Batches larger than {@code maxBatch} are
 * run in chunks. Thread-safe (ONNX Runtime sessions accept concurrent runs).
 */
public final class SigLipImageEncoder implements ImageEncoder {

    static final List<String> EMBEDDING_OUTPUTS = List.of("image_embeds", "pooler_output", "embeddings");

    private final OnnxModel model;
    private final Preprocessing preprocessing;
    private final String modelId;
    private final int maxBatch;
    private final String input;
    private final String output;
    private final int dimension;

    /**
     * @param model         an open session over the vision tower; closed by {@link #close()}
     * @param preprocessing must produce the input's height and width when the model fixes them
     * @param modelId       what {@link #modelId()} answers
     * @param maxBatch      most pictures per model run
     */
    public SigLipImageEncoder(OnnxModel model, Preprocessing preprocessing, String modelId, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.model = model;
        this.preprocessing = preprocessing;
        this.modelId = modelId;
        this.maxBatch = maxBatch;
        OnnxSignature signature = new OnnxSignature(model);
        this.input = signature.input("pixel_values", OnnxJavaType.FLOAT, 4);
        long[] shape = signature.shape(input);
        checkInputSize(shape);
        this.output = signature.embeddingOutput(EMBEDDING_OUTPUTS);
        long declared = signature.shape(output)[1];
        this.dimension = declared > 0 ? (int) declared : probeDimension();
    }

    /** Height and width the model declares for its input, or -1 where it leaves them open. */
    static long[] inputHeightWidth(OnnxModel model) {
        OnnxSignature signature = new OnnxSignature(model);
        long[] shape = signature.shape(signature.input("pixel_values", OnnxJavaType.FLOAT, 4));
        return new long[] {shape[2], shape[3]};
    }

    private void checkInputSize(long[] shape) {
        if (shape[1] > 0 && shape[1] != 3) {
            throw new ModelFilesException(model.file() + ": input '" + input + "' has " + shape[1]
                    + " channels, expected 3 (RGB)");
        }
        if ((shape[2] > 0 && shape[2] != preprocessing.height()) || (shape[3] > 0 && shape[3] != preprocessing.width())) {
            throw new ModelFilesException(String.format("%s: input '%s' wants %dx%d pixels but preprocessing makes %dx%d",
                    model.file(), input, shape[3], shape[2], preprocessing.width(), preprocessing.height()));
        }
    }

    private int probeDimension() {
        BufferedImage blank = new BufferedImage(preprocessing.width(), preprocessing.height(), BufferedImage.TYPE_INT_RGB);
        return run(List.of(blank)).get(0).length;
    }

    @Override
    public List<float[]> encode(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += maxBatch) {
            for (float[] v : run(images.subList(from, Math.min(from + maxBatch, images.size())))) {
                out.add(Vectors.normalizeInPlace(v));
            }
        }
        return out;
    }

    private List<float[]> run(List<BufferedImage> batch) {
        float[] pixels = preprocessing.toNchw(batch);
        long[] shape = {batch.size(), 3, preprocessing.height(), preprocessing.width()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(pixels), shape);
             OrtSession.Result result = model.session().run(Map.of(input, tensor), Set.of(output))) {
            return EmbeddingRows.of((OnnxTensor) result.get(output).orElseThrow(), batch.size(), model.file());
        } catch (OrtException e) {
            throw new EncoderException("vision model " + model.file() + " failed: " + e.getMessage(), e);
        }
    }

    public ExecutionProvider provider() {
        return model.provider();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        model.close();
    }
}
