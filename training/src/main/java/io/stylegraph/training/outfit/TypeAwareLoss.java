package io.stylegraph.training.outfit;

import java.util.Arrays;
import java.util.List;

/**
 * The two training losses of a {@link TypeAwareModel} with their hand-written gradients, summed over a batch into one
 * {@link AdamTable} per model table, and the Adam step that applies them.
 *
 * <p><b>Ranking.</b> {@code softplus(-scale * (S(A) - S(B)))} asks the outfit with fewer wrong items to score higher,
 * so the model learns that one odd item hurts less than three. Only pairs touching a position where A and B differ
 * enter the difference (the others cancel).
 *
 * <p><b>Blank filling.</b> The softmax cross-entropy of the hidden item among the candidates, each scored by its mean
 * pair score with the rest of the outfit (what fill-in-the-blank and complete-the-look rank by).
 */
final class TypeAwareLoss {

    private final TypeAwareModel model;
    private final TypeAwareConfig config;
    private final AdamTable bias;
    private final AdamTable type;
    private final AdamTable category;
    private final AdamTable item;
    private final AdamTable projection;
    private final AdamTable masks;
    private final AdamTable pairBias;
    private final int d;
    // per-example buffers
    private final float[][] uA;
    private final float[][] uBOwn;
    private final float[][] gA;
    private final float[][] gBOwn;
    private final float[] normA;
    private final float[] normBOwn;
    private final float[] ge;
    private int step;

    /** Losses over the model's tables in place, for ranking examples of up to {@code largestOutfit} items. */
    TypeAwareLoss(TypeAwareModel model, TypeAwareConfig config, int largestOutfit) {
        this.model = model;
        this.config = config;
        this.d = model.dimension;
        bias = new AdamTable(model.bias, d, false);
        type = new AdamTable(model.typeEmbedding, d, true);
        category = new AdamTable(model.categoryEmbedding, d, true);
        item = new AdamTable(model.itemEmbedding, d, true);
        projection = new AdamTable(model.projection, d, true);
        masks = new AdamTable(model.masks, d, false);
        pairBias = new AdamTable(model.pairBias, 1, false);
        uA = new float[largestOutfit][d];
        uBOwn = new float[largestOutfit][d];
        gA = new float[largestOutfit][d];
        gBOwn = new float[largestOutfit][d];
        normA = new float[largestOutfit];
        normBOwn = new float[largestOutfit];
        ge = new float[d];
    }

    /** The tables in the model's order (bias, type, category, item, projection, masks, pair bias). */
    List<AdamTable> tables() {
        return List.of(bias, type, category, item, projection, masks, pairBias);
    }

    /** One Adam step over the batch's gradients. */
    void step() {
        step++;
        double lr = config.learningRate();
        double decay = config.weightDecay();
        for (AdamTable table : tables()) {
            table.step(lr, step, decay);
        }
    }

    /**
     * The softmax loss of {@code candidates[0]} among the candidates for the partial outfit and, added to the
     * tables' gradients, its gradient.
     */
    double blank(TypeAwareModel.Encoded[] partial, TypeAwareModel.Encoded[] candidates) {
        int m = partial.length;
        int k = candidates.length;
        float[][] uP = new float[m][d];
        float[][] gP = new float[m][d];
        float[] normP = new float[m];
        float[][] uC = new float[k][d];
        float[][] gC = new float[k][d];
        float[] normC = new float[k];
        for (int q = 0; q < m; q++) {
            normP[q] = model.embed(partial[q], uP[q]);
        }
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            normC[c] = model.embed(candidates[c], uC[c]);
            double sum = 0;
            for (int q = 0; q < m; q++) {
                sum += model.pair(partial[q].type(), uP[q], candidates[c].type(), uC[c]);
            }
            z[c] = config.scale() * sum / m;
            max = Math.max(max, z[c]);
        }
        double normalizer = 0;
        for (int c = 0; c < k; c++) {
            normalizer += Math.exp(z[c] - max);
        }
        double loss = max + Math.log(normalizer) - z[0];
        for (int c = 0; c < k; c++) {
            double probability = Math.exp(z[c] - max) / normalizer;
            float coefficient = (float) (config.scale() * (probability - (c == 0 ? 1 : 0)) / m);
            for (int q = 0; q < m; q++) {
                pairGradient(partial[q].type(), uP[q], gP[q], candidates[c].type(), uC[c], gC[c], coefficient);
            }
        }
        for (int q = 0; q < m; q++) {
            backward(partial[q], uP[q], normP[q], gP[q]);
        }
        for (int c = 0; c < k; c++) {
            backward(candidates[c], uC[c], normC[c], gC[c]);
        }
        return loss;
    }

    /**
     * The loss of outfit A over outfit B (the same outfit where {@code changed} is false) and, added to the
     * tables' gradients, its gradient.
     */
    double ranking(TypeAwareModel.Encoded[] outfitA, TypeAwareModel.Encoded[] outfitB, boolean[] changed) {
        int n = outfitA.length;
        float[][] uB = new float[n][];
        float[][] gB = new float[n][];
        float[] normB = new float[n];
        for (int p = 0; p < n; p++) {
            normA[p] = model.embed(outfitA[p], uA[p]);
            Arrays.fill(gA[p], 0f);
            if (changed[p]) {
                normB[p] = model.embed(outfitB[p], uBOwn[p]);
                uB[p] = uBOwn[p];
                Arrays.fill(gBOwn[p], 0f);
                gB[p] = gBOwn[p];
            } else {
                uB[p] = uA[p];
                gB[p] = gA[p];
                normB[p] = normA[p];
            }
        }
        int pairs = n * (n - 1) / 2;
        double difference = 0;
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                if (changed[x] || changed[y]) {
                    difference += model.pair(outfitA[x].type(), uA[x], outfitA[y].type(), uA[y])
                            - model.pair(outfitB[x].type(), uB[x], outfitB[y].type(), uB[y]);
                }
            }
        }
        double delta = difference / pairs;
        double z = config.scale() * delta;
        double loss = z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
        double dLossdDelta = -config.scale() / (1 + Math.exp(z));
        float c = (float) (dLossdDelta / pairs);
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n; y++) {
                if (changed[x] || changed[y]) {
                    pairGradient(outfitA[x].type(), uA[x], gA[x], outfitA[y].type(), uA[y], gA[y], c);
                    pairGradient(outfitB[x].type(), uB[x], gB[x], outfitB[y].type(), uB[y], gB[y], -c);
                }
            }
        }
        for (int p = 0; p < n; p++) {
            backward(outfitA[p], uA[p], normA[p], gA[p]);
            if (changed[p]) {
                backward(outfitB[p], uB[p], normB[p], gB[p]);
            }
        }
        return loss;
    }

    /** Adds the gradient of {@code c * s(x, y)} to the pair's mask and bias and to both items' u gradients. */
    private void pairGradient(int typeX, float[] ux, float[] gx, int typeY, float[] uy, float[] gy, float c) {
        int p = model.pairIndex(typeX, typeY);
        int offset = masks.touch(p);
        float[] m = model.masks;
        for (int k = 0; k < d; k++) {
            float mk = m[offset + k];
            gx[k] += c * mk * uy[k];
            gy[k] += c * mk * ux[k];
            masks.grad[offset + k] += c * ux[k] * uy[k];
        }
        pairBias.grad[pairBias.touch(p)] += c;
    }

    /** Back through the normalization u = e / |e| into the parameters that make e. */
    private void backward(TypeAwareModel.Encoded e, float[] u, float norm, float[] gu) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += u[k] * gu[k];
        }
        for (int k = 0; k < d; k++) {
            ge[k] = (float) ((gu[k] - u[k] * dot) / norm);
        }
        bias.addToRow(0, ge, 1f);
        type.addToRow(e.type(), ge, 1f);
        if (e.category() >= 0) {
            category.addToRow(e.category(), ge, 1f);
        }
        if (e.item() >= 0) {
            item.addToRow(e.item(), ge, 1f);
        }
        float[] x = e.content();
        if (x != null) {
            for (int r = 0; r < x.length; r++) {
                if (x[r] != 0) {
                    projection.addToRow(r, ge, x[r]);
                }
            }
        }
    }
}
