package io.stylegraph.models.regions;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a YOLO-style output tensor into scored boxes in the detector's input pixels: the candidate's best class,
 * scored by the class probability (times objectness where the layout has it), kept when at or above the threshold.
 * Values are read as exported: exports apply the sigmoid inside the graph.
 */
public final class YoloOutputDecoder {

    private final YoloLayout layout;
    private final int classes;
    private final double scoreThreshold;

    public YoloOutputDecoder(YoloLayout layout, int classes, double scoreThreshold) {
        if (classes < 1) {
            throw new IllegalArgumentException("a detector has at least one class");
        }
        this.layout = layout;
        this.classes = classes;
        this.scoreThreshold = scoreThreshold;
    }

    /** @param values the output of one image, row-major, {@code candidates * stride} values */
    public List<Detection> decode(float[] values, int candidates) {
        int stride = layout.stride(classes);
        if (values.length != candidates * stride) {
            throw new IllegalArgumentException("expected " + candidates * stride + " values for " + candidates
                    + " candidates of " + stride + ", got " + values.length);
        }
        boolean columns = layout.candidatesInColumns();
        int firstClass = layout.hasObjectness() ? 5 : 4;
        List<Detection> out = new ArrayList<>();
        for (int n = 0; n < candidates; n++) {
            final int candidate = n;
            java.util.function.IntToDoubleFunction value = v -> columns ? values[v * candidates + candidate]
                    : values[candidate * stride + v];
            double objectness = layout.hasObjectness() ? value.applyAsDouble(4) : 1;
            if (objectness < scoreThreshold) {
                continue;
            }
            int bestClass = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double s = value.applyAsDouble(firstClass + c);
                if (s > best) {
                    best = s;
                    bestClass = c;
                }
            }
            double score = best * objectness;
            double w = value.applyAsDouble(2);
            double h = value.applyAsDouble(3);
            if (score < scoreThreshold || !(w > 0) || !(h > 0)) {
                continue;
            }
            out.add(new Detection(Box.fromCentre(value.applyAsDouble(0), value.applyAsDouble(1), w, h), bestClass,
                    score));
        }
        return out;
    }
}
