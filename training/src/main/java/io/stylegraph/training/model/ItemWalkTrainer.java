package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Item-to-item recommendations from two-step walks over the likes, the P³ / RP³β family (Cooper et al. 2014;
 * Paudel et al. 2016): from item i to a user who liked it (probability 1/deg(i)), from that user to another item j they
 * liked (1/deg(u)), the sum over users scaled by deg(j)^−β so that β > 0 lowers popular items. Each item keeps its
 * {@code k} strongest neighbours. What it adds beside an embedding model is memory of which items were liked
 * together, which low-dimensional embeddings blur on sparse data.
 * <p>
 * Given each user's likes in sequence order and a half-life, a user's recent likes lead the walk: the like {@code a}
 * likes before the user's last starts it with weight {@code 0.5^(a / halfLife)} (as {@link ContentProfileTrainer}
 * weighs a content profile). The item-to-item table is the same either way.
 */
public final class ItemWalkTrainer implements Trainer<ItemKnnModel> {

    public static final String NAME = "item-walk";

    private final int k;
    private final double beta;
    private final int[][] sequences;
    private final double halfLife;

    /** Every like starts a walk with the same weight. */
    public ItemWalkTrainer(int k, double beta) {
        this(k, beta, null, Double.POSITIVE_INFINITY);
    }

    /**
     * @param sequences each user's liked items in sequence order (a like missing from its user's sequence weighs as
     *                  much as the oldest); null: every like weighs the same
     * @param halfLife  in likes; positive (infinite: every like weighs the same)
     */
    public ItemWalkTrainer(int k, double beta, int[][] sequences, double halfLife) {
        if (k < 1 || !(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("k must be positive and beta finite and non-negative");
        }
        if (!(halfLife > 0)) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        this.k = k;
        this.beta = beta;
        this.sequences = Double.isInfinite(halfLife) ? null : sequences;
        this.halfLife = halfLife;
    }

    @Override
    public ItemKnnModel train(TrainingData data, TrainingListener listener) {
        long start = System.nanoTime();
        InteractionMatrix likes = data.likes();
        int numItems = data.numItems();
        int[] itemDegrees = likes.itemDegrees();
        // likers of each item (the transpose of the user → items rows)
        int[] likerStart = new int[numItems + 1];
        for (int d = 0; d < numItems; d++) {
            likerStart[d + 1] = likerStart[d] + itemDegrees[d];
        }
        int[] likers = new int[likes.nnz()];
        int[] fill = Arrays.copyOf(likerStart, numItems);
        for (int user = 0; user < likes.numUsers(); user++) {
            for (int item : likes.itemsOf(user)) {
                likers[fill[item]++] = user;
            }
        }
        float[] popularityScale = new float[numItems];
        for (int j = 0; j < numItems; j++) {
            popularityScale[j] = (float) Math.pow(Math.max(1, itemDegrees[j]), -beta);
        }
        int[] rowStart = new int[numItems + 1];
        int[][] rowColumns = new int[numItems][];
        float[][] rowValues = new float[numItems][];
        float[] walk = new float[numItems];
        int[] touched = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            int count = 0;
            for (int e = likerStart[i]; e < likerStart[i + 1]; e++) {
                int user = likers[e];
                float step = 1f / (itemDegrees[i] * (float) likes.degree(user));
                for (int j : likes.itemsOf(user)) {
                    if (j == i) {
                        continue;
                    }
                    if (walk[j] == 0) {
                        touched[count++] = j;
                    }
                    walk[j] += step;
                }
            }
            int[] order = strongest(walk, touched, count, popularityScale);
            rowColumns[i] = order;
            rowValues[i] = new float[order.length];
            for (int n = 0; n < order.length; n++) {
                rowValues[i][n] = walk[order[n]] * popularityScale[order[n]];
            }
            for (int n = 0; n < count; n++) {
                walk[touched[n]] = 0;
            }
            rowStart[i + 1] = rowStart[i] + order.length;
        }
        int[] columns = new int[rowStart[numItems]];
        float[] values = new float[rowStart[numItems]];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(rowColumns[i], 0, columns, rowStart[i], rowColumns[i].length);
            System.arraycopy(rowValues[i], 0, values, rowStart[i], rowValues[i].length);
        }
        // a popularity prior a thousandth of the weakest kept step: it orders the items no liked item reaches and
        // can never lift one of them above an item a walk reaches
        float weakest = Float.MAX_VALUE;
        for (float v : values) {
            weakest = Math.min(weakest, v);
        }
        float priorScale = values.length == 0 ? 1f : weakest * 1e-3f;
        int maxDegree = Math.max(1, Arrays.stream(itemDegrees).max().orElse(1));
        float[] prior = new float[numItems];
        for (int j = 0; j < numItems; j++) {
            prior[j] = priorScale * itemDegrees[j] / maxDegree;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelProvenance provenance = new ModelProvenance(NAME, getClass().getName(), parameters(), 0, data.counts(),
                "none", 0, 0, Map.of(), Instant.now(), seconds);
        float[][] likeWeights = sequences == null ? null
                : ContentProfileTrainer.recencyWeights(likes, sequences, halfLife);
        return new ItemKnnModel(likes, rowStart, columns, values, prior, likeWeights, provenance);
    }

    /** The (at most k) touched items with the largest scaled walk probability, strongest first, ties by item id. */
    private int[] strongest(float[] walk, int[] touched, int count, float[] scale) {
        Integer[] candidates = new Integer[count];
        for (int n = 0; n < count; n++) {
            candidates[n] = touched[n];
        }
        Arrays.sort(candidates, (a, b) -> {
            int byScore = Float.compare(walk[b] * scale[b], walk[a] * scale[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int kept = Math.min(k, count);
        int[] out = new int[kept];
        for (int n = 0; n < kept; n++) {
            out[n] = candidates[n];
        }
        return out;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", String.valueOf(k));
        p.put("beta", String.valueOf(beta));
        if (sequences != null) {
            p.put("recencyHalfLife", String.valueOf(halfLife));
        }
        return p;
    }
}
