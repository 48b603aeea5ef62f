package io.stylegraph.models.onnx;

import ai.onnxruntime.OnnxTensor;
import io.stylegraph.models.EncoderException;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits a float {@code [N, D]} output tensor into N vectors. */
final class EmbeddingRows {

    private EmbeddingRows() {
    }

    static List<float[]> of(OnnxTensor tensor, int expectedRows, Path file) {
        long[] shape = tensor.getInfo().getShape();
        if (shape.length != 2 || shape[0] != expectedRows) {
            throw new EncoderException(file + " returned shape " + java.util.Arrays.toString(shape) + " for "
                    + expectedRows + " inputs");
        }
        int dim = (int) shape[1];
        FloatBuffer values = tensor.getFloatBuffer();
        List<float[]> rows = new ArrayList<>(expectedRows);
        for (int i = 0; i < expectedRows; i++) {
            float[] row = new float[dim];
            values.get(row);
            rows.add(row);
        }
        return rows;
    }
}
