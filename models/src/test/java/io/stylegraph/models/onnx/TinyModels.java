package io.stylegraph.models.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.stylegraph.models.onnx.TinyOnnxModelWriter.FLOAT;
import static io.stylegraph.models.onnx.TinyOnnxModelWriter.INT64;

/**
 * Two stand-ins for the FashionSigLIP towers with known weights, and the plain-Java computations they perform.
 * <ul>
 *   <li>vision: pixel_values [N,3,H,W] → Conv 3x3 stride 2 (4 channels) → Relu → GlobalAveragePool → Flatten →
 *       MatMul [4, D] → image_embeds [N, D]; a second output exposes the Relu map;</li>
 *   <li>text: input_ids [N, L] → Gather rows of a [V, D] table → ReduceMean over tokens → text_embeds [N, D],
 *       optionally times the mean of attention_mask so that input is consumed.</li>
 * </ul>
 */
final class TinyModels {

    static final int CHANNELS = 4;
    static final int DIM = 8;
    static final int VOCAB = 16;

    private TinyModels() {
    }

    static float weight(int i, double phase) {
        return (float) (0.5 * Math.sin(i * 1.37 + phase));
    }

    static float[] convWeights() {
        float[] w = new float[CHANNELS * 3 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(i, 0.3);
        }
        return w;
    }

    static float[] convBias() {
        return new float[] {0.05f, -0.1f, 0.2f, 0.0f};
    }

    static float[] projection() {
        float[] p = new float[CHANNELS * DIM];
        for (int i = 0; i < p.length; i++) {
            p[i] = weight(i, 1.1);
        }
        return p;
    }

    static float[] embeddingTable() {
        float[] e = new float[VOCAB * DIM];
        for (int i = 0; i < e.length; i++) {
            e[i] = weight(i, 2.9);
        }
        return e;
    }

    /**
     * @param height, width fixed input size, or 0 for symbolic dimensions
     * @param outputDimFixed whether the output declares D or leaves it symbolic
     */
    static byte[] vision(long height, long width, boolean outputDimFixed) {
        Object h = height > 0 ? (Object) height : "height";
        Object w = width > 0 ? (Object) width : "width";
        return new TinyOnnxModelWriter()
                .input("pixel_values", FLOAT, "batch", 3L, h, w)
                .floats("conv_w", convWeights(), CHANNELS, 3, 3, 3)
                .floats("conv_b", convBias(), CHANNELS)
                .floats("proj", projection(), CHANNELS, DIM)
                .node("Conv", new String[] {"pixel_values", "conv_w", "conv_b"}, new String[] {"conv"},
                        "kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2})
                .node("Relu", new String[] {"conv"}, new String[] {"last_hidden_state"})
                .node("GlobalAveragePool", new String[] {"last_hidden_state"}, new String[] {"pooled"})
                .node("Flatten", new String[] {"pooled"}, new String[] {"flat"}, "axis", 1L)
                .node("MatMul", new String[] {"flat", "proj"}, new String[] {"image_embeds"})
                .output("last_hidden_state", FLOAT, "batch", (long) CHANNELS, "oh", "ow")
                .output("image_embeds", FLOAT, "batch", outputDimFixed ? (Object) (long) DIM : "dim")
                .toBytes();
    }

    /** @param contextLength fixed token count, or 0 for a symbolic one */
    static byte[] text(long contextLength, boolean withAttentionMask) {
        Object length = contextLength > 0 ? (Object) contextLength : "sequence";
        TinyOnnxModelWriter writer = new TinyOnnxModelWriter()
                .input("input_ids", INT64, "batch", length)
                .floats("table", embeddingTable(), VOCAB, DIM)
                .node("Gather", new String[] {"table", "input_ids"}, new String[] {"rows"}, "axis", 0L);
        if (withAttentionMask) {
            writer.input("attention_mask", INT64, "batch", length)
                    .node("ReduceMean", new String[] {"rows"}, new String[] {"mean"},
                            "axes", new long[] {1}, "keepdims", 0L)
                    .node("Cast", new String[] {"attention_mask"}, new String[] {"mask"}, "to", (long) FLOAT)
                    .node("ReduceMean", new String[] {"mask"}, new String[] {"mask_mean"},
                            "axes", new long[] {1}, "keepdims", 1L)
                    .node("Mul", new String[] {"mean", "mask_mean"}, new String[] {"text_embeds"});
        } else {
            writer.node("ReduceMean", new String[] {"rows"}, new String[] {"text_embeds"},
                    "axes", new long[] {1}, "keepdims", 0L);
        }
        return writer.output("text_embeds", FLOAT, "batch", (long) DIM).toBytes();
    }

    /** What the vision model computes for one CHW input of the given size, before L2 normalization. */
    static float[] visionReference(float[] chw, int height, int width) {
        float[] w = convWeights();
        float[] b = convBias();
        float[] p = projection();
        int oh = (height - 3) / 2 + 1;
        int ow = (width - 3) / 2 + 1;
        double[] pooled = new double[CHANNELS];
        for (int oc = 0; oc < CHANNELS; oc++) {
            double sum = 0;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double acc = b[oc];
                    for (int c = 0; c < 3; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                acc += w[((oc * 3 + c) * 3 + ky) * 3 + kx]
                                        * chw[(c * height + 2 * oy + ky) * width + 2 * ox + kx];
                            }
                        }
                    }
                    sum += Math.max(acc, 0);
                }
            }
            pooled[oc] = sum / (oh * ow);
        }
        float[] out = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            double acc = 0;
            for (int oc = 0; oc < CHANNELS; oc++) {
                acc += pooled[oc] * p[oc * DIM + d];
            }
            out[d] = (float) acc;
        }
        return out;
    }

    /** What the text model computes for one row of token ids, before L2 normalization. */
    static float[] textReference(long[] ids) {
        float[] table = embeddingTable();
        float[] out = new float[DIM];
        for (long id : ids) {
            for (int d = 0; d < DIM; d++) {
                out[d] += table[(int) id * DIM + d] / ids.length;
            }
        }
        return out;
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
