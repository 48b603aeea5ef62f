package io.stylegraph.models.onnx;

import static io.stylegraph.models.onnx.TinyOnnxModelWriter.FLOAT;

/**
 * A stand-in for a YOLOv8-style detector with known weights, for the region tests: input {@code images [1,3,S,S]},
 * output {@code [1, 4+C, N]}. Every candidate's class scores are the input's mean red, green and blue (class c
 * reads channel c) plus the candidate's own offset, and its box is fixed:
 * {@code output = (W · channelMeans) · ones[1,N] + B}, with W selecting channels into the class rows and B holding
 * the boxes (cx, cy, w, h in input pixels) and offsets.
 */
public final class TinyDetectors {

    private TinyDetectors() {
    }

    /**
     * @param size    input side S
     * @param boxes   per candidate {cx, cy, w, h}
     * @param offsets per candidate, added to all its class scores
     */
    public static byte[] yoloV8(int size, float[][] boxes, float[] offsets) {
        int classes = 3;
        int stride = 4 + classes;
        int n = boxes.length;
        float[] w = new float[stride * 3];
        for (int c = 0; c < classes; c++) {
            w[(4 + c) * 3 + c] = 1;
        }
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1);
        float[] bias = new float[stride * n];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < 4; v++) {
                bias[v * n + i] = boxes[i][v];
            }
            for (int c = 0; c < classes; c++) {
                bias[(4 + c) * n + i] = offsets[i];
            }
        }
        return new TinyOnnxModelWriter()
                .input("images", FLOAT, 1L, 3L, (long) size, (long) size)
                .floats("w", w, stride, 3)
                .floats("ones", ones, 1, n)
                .floats("b", bias, stride, n)
                .node("ReduceMean", new String[] {"images"}, new String[] {"rows"}, "axes", new long[] {3},
                        "keepdims", 0L)
                .node("ReduceMean", new String[] {"rows"}, new String[] {"means"}, "axes", new long[] {2},
                        "keepdims", 1L)
                .node("MatMul", new String[] {"w", "means"}, new String[] {"scores"})
                .node("MatMul", new String[] {"scores", "ones"}, new String[] {"spread"})
                .node("Add", new String[] {"spread", "b"}, new String[] {"output0"})
                .output("output0", FLOAT, 1L, (long) stride, (long) n)
                .toBytes();
    }
}
