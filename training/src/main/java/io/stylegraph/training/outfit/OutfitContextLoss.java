package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.List;

/**
 * The fill-in-the-blank loss of an {@link OutfitContextModel} and its hand-written gradient, accumulated into Adam
 * tables over the model's weights: for a partial outfit with context m (mean embedding) and candidates c (the true
 * item first), scores {@code s_c = u_cᵀ M m} and loss {@code -log softmax(s)_0}. With {@code g_c = p_c - [c = 0]}:
 * {@code ∂u_c = g_c M m}, {@code ∂m = M Σ g_c u_c} (each partial item gets {@code ∂m / |partial|}),
 * {@code ∂W = ½ Σ g_c (u_c mᵀ + m u_cᵀ)}, and through {@code tanh} each item's rows get {@code ∂u ⊙ (1 - u²)}.
 */
final class OutfitContextLoss {

    private final OutfitContextModel model;
    private final List<AdamTable> tables;
    private final AdamTable bias;
    private final AdamTable types;
    private final AdamTable categories;
    private final AdamTable projection;
    private final AdamTable compatibility;
    private int steps;

    OutfitContextLoss(OutfitContextModel model) {
        this.model = model;
        int d = model.dimension;
        bias = new AdamTable(model.bias, d, false);
        types = new AdamTable(model.typeEmbedding, d, true);
        categories = new AdamTable(model.categoryEmbedding, d, true);
        projection = new AdamTable(model.projection, d, true);
        compatibility = new AdamTable(model.compatibility, d, false);
        tables = List.of(bias, types, categories, projection, compatibility);
    }

    /** The gradients accumulated since the last step, one per table (bias, types, categories, projection, W). */
    List<float[]> gradients() {
        return tables.stream().map(t -> t.grad).toList();
    }

    /** The loss of one question, its gradient added to the tables. */
    double example(List<TypeAwareModel.Encoded> partial, List<TypeAwareModel.Encoded> candidates) {
        int d = model.dimension;
        List<float[]> context = new ArrayList<>(partial.size());
        for (TypeAwareModel.Encoded e : partial) {
            context.add(model.embed(e));
        }
        float[] m = OutfitContextModel.mean(context, d);
        float[] mm = model.compatible(m);
        float[][] u = new float[candidates.size()][];
        double[] s = new double[candidates.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < u.length; c++) {
            u[c] = model.embed(candidates.get(c));
            s[c] = OutfitContextModel.dot(u[c], mm);
            max = Math.max(max, s[c]);
        }
        double normalizer = 0;
        for (double value : s) {
            normalizer += Math.exp(value - max);
        }
        double loss = Math.log(normalizer) + max - s[0];
        float[] weighted = new float[d];
        for (int c = 0; c < u.length; c++) {
            float g = (float) (Math.exp(s[c] - max) / normalizer - (c == 0 ? 1 : 0));
            float[] du = new float[d];
            for (int j = 0; j < d; j++) {
                du[j] = g * mm[j];
                weighted[j] += g * u[c][j];
            }
            backward(candidates.get(c), u[c], du);
            for (int i = 0; i < d; i++) {
                int row = compatibility.touch(i);
                for (int j = 0; j < d; j++) {
                    compatibility.grad[row + j] += 0.5f * g * (u[c][i] * m[j] + m[i] * u[c][j]);
                }
            }
        }
        float[] dm = model.compatible(weighted);
        for (int j = 0; j < d; j++) {
            dm[j] /= partial.size();
        }
        for (int k = 0; k < partial.size(); k++) {
            backward(partial.get(k), context.get(k), dm);
        }
        return loss;
    }

    /** Adds an item's gradient, given that of its embedding u, to the rows it was built from. */
    private void backward(TypeAwareModel.Encoded e, float[] u, float[] du) {
        int d = model.dimension;
        float[] dx = new float[d];
        for (int j = 0; j < d; j++) {
            dx[j] = du[j] * (1 - u[j] * u[j]);
        }
        bias.addToRow(0, dx, 1f);
        types.addToRow(e.type(), dx, 1f);
        if (e.category() >= 0) {
            categories.addToRow(e.category(), dx, 1f);
        }
        float[] content = e.content();
        if (content != null) {
            for (int k = 0; k < content.length; k++) {
                if (content[k] != 0) {
                    projection.addToRow(k, dx, content[k]);
                }
            }
        }
    }

    /** One Adam step over the touched rows; clears the gradients. */
    void step(double learningRate, double weightDecay) {
        steps++;
        for (AdamTable table : tables) {
            table.step(learningRate, steps, weightDecay);
        }
    }
}
