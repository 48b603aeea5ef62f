package io.stylegraph.training.outfit;

import java.util.List;
import java.util.Map;

/**
 * An outfit-level compatibility model: each item is embedded as {@code u = tanh(b + T[slot] + C[category] + Aᵀx)}
 * (x its content vectors, e.g. the name's MiniLM vector and a price band, concatenated; a missing part adds nothing),
 * and a candidate fits a partial outfit by {@code uᵀ M m}, where m is the mean embedding of the partial outfit (its
 * context) and {@code M = (W + Wᵀ)/2} a learned symmetric compatibility. Because the context is a mean, that is the
 * mean of the candidate's pair scores {@code uᵀ M v} with the outfit's items, so the outfit score (mean pair score)
 * and the candidate score agree as {@link CompatibilityModel} asks. Trained by {@link OutfitContextTrainer} on
 * fill-in-the-blank questions whose distractors include items of the blank's slot.
 */
public final class OutfitContextModel implements CompatibilityModel {

    static final String NAME = "outfit context";

    final TypeAwareVocabulary vocabulary;
    final int dimension;
    final float[] bias;
    final float[] typeEmbedding;
    final float[] categoryEmbedding;
    final float[] projection;
    final float[] compatibility;
    private final Map<String, String> parameters;

    OutfitContextModel(TypeAwareVocabulary vocabulary, int dimension, Map<String, String> parameters, float[] bias,
                       float[] typeEmbedding, float[] categoryEmbedding, float[] projection, float[] compatibility) {
        this.vocabulary = vocabulary;
        this.dimension = dimension;
        this.parameters = Map.copyOf(parameters);
        this.bias = bias;
        this.typeEmbedding = typeEmbedding;
        this.categoryEmbedding = categoryEmbedding;
        this.projection = projection;
        this.compatibility = compatibility;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The training settings and vocabulary sizes. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The embedding u of an item. */
    float[] embed(ItemVectors item) {
        return embed(vocabulary.encode(item));
    }

    float[] embed(TypeAwareModel.Encoded e) {
        int d = dimension;
        float[] x = new float[d];
        int typeRow = e.type() * d;
        for (int j = 0; j < d; j++) {
            x[j] = bias[j] + typeEmbedding[typeRow + j];
        }
        if (e.category() >= 0) {
            int row = e.category() * d;
            for (int j = 0; j < d; j++) {
                x[j] += categoryEmbedding[row + j];
            }
        }
        float[] content = e.content();
        if (content != null) {
            for (int k = 0; k < content.length; k++) {
                float value = content[k];
                if (value != 0) {
                    int row = k * d;
                    for (int j = 0; j < d; j++) {
                        x[j] += value * projection[row + j];
                    }
                }
            }
        }
        for (int j = 0; j < d; j++) {
            x[j] = (float) Math.tanh(x[j]);
        }
        return x;
    }

    /** M v with M = (W + Wᵀ)/2. */
    float[] compatible(float[] v) {
        int d = dimension;
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += 0.5 * (compatibility[i * d + j] + compatibility[j * d + i]) * v[j];
            }
            out[i] = (float) sum;
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The mean of the embeddings. */
    static float[] mean(List<float[]> embeddings, int dimension) {
        float[] m = new float[dimension];
        for (float[] u : embeddings) {
            for (int j = 0; j < dimension; j++) {
                m[j] += u[j] / embeddings.size();
            }
        }
        return m;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        return dot(embed(a), compatible(embed(b)));
    }

    @Override
    public double candidateScore(List<ItemVectors> partial, ItemVectors candidate) {
        if (partial.isEmpty()) {
            return 0;
        }
        float[] context = mean(partial.stream().map(this::embed).toList(), dimension);
        return dot(embed(candidate), compatible(context));
    }

    @Override
    public double outfitScore(List<ItemVectors> outfit) {
        if (outfit.size() < 2) {
            return 0;
        }
        List<float[]> embedded = outfit.stream().map(this::embed).toList();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < embedded.size(); i++) {
            float[] mu = compatible(embedded.get(i));
            for (int j = i + 1; j < embedded.size(); j++) {
                sum += dot(mu, embedded.get(j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    @Override
    public PoolScorer poolScorer(List<ItemVectors> pool) {
        float[][] embedded = pool.stream().map(this::embed).toArray(float[][]::new);
        return (partial, candidates, scores) -> {
            float[] context = new float[dimension];
            for (int row : partial) {
                for (int j = 0; j < dimension; j++) {
                    context[j] += embedded[row][j] / partial.length;
                }
            }
            float[] mc = compatible(context);
            for (int c = 0; c < candidates.length; c++) {
                scores[c] = partial.length == 0 ? 0f : (float) dot(embedded[candidates[c]], mc);
            }
        };
    }
}
