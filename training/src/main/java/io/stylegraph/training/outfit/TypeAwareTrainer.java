package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link TypeAwareModel} from outfits with hand-written gradients and Adam, single-threaded and
 * deterministic for a seed.
 *
 * <p><b>Examples: degrees of wrongness.</b> For an outfit of n items, positions are shuffled and two corruption
 * levels {@code a < b} are drawn ({@code a = 0}, the real outfit, half the time; else 1..n-1; {@code b} in a+1..n).
 * Outfit A has its first {@code a} shuffled positions replaced, outfit B the same plus the next {@code b - a}. The
 * loss {@code softplus(-scale * (S(A) - S(B)))} asks the outfit with fewer wrong items to score higher, so the model
 * learns that one odd item hurts less than three. Only pairs touching a position where A and B differ enter the
 * difference (the others cancel).
 *
 * <p><b>Replacements</b> come from other training outfits: of the same type (slot) with probability
 * {@link TypeAwareConfig#sameTypeShare()} (hard negatives: the right kind of item, the wrong one), otherwise of any
 * type. They are drawn among items with the same content features as the replaced one (named items stand in for
 * named items), otherwise a missing name would betray the replacement.
 *
 * <p><b>Category dropout</b> shows an item without its category now and then, so the text part learns to carry an
 * item whose catalogue has no Polyvore category.
 */
public final class TypeAwareTrainer {

    /** One epoch's mean loss per example and its wall time. */
    public record EpochSummary(int epoch, double loss, double seconds, int examples) {
    }

    /** Called after each epoch. */
    public interface Listener {
        void onEpoch(EpochSummary summary);
    }

    private final TypeAwareConfig config;

    public TypeAwareTrainer(TypeAwareConfig config) {
        this.config = config;
    }

    public TypeAwareConfig config() {
        return config;
    }

    /** Trains on the outfits (those of two or more items); the listener may be null. */
    public TypeAwareModel train(List<OutfitRecord> outfits, Listener listener) {
        List<OutfitRecord> usable = outfits.stream().filter(o -> o.size() >= 2).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no outfit with two or more items to train on");
        }
        TypeAwareModel model = initialize(usable);
        new Run(model, usable).train(listener);
        return model;
    }

    /** A model with initial weights for these outfits, untrained (for gradient checks). */
    TypeAwareModel initialModel(List<OutfitRecord> outfits) {
        return initialize(outfits);
    }

    /** The loss and its gradient per table (bias, type, category, item, projection, masks, pair bias). */
    record Gradient(double loss, List<float[]> tables) {
    }

    /**
     * The loss of ranking outfit {@code a} over {@code b} (equal length; positions holding the same item id count
     * as unchanged) and its gradient, without an update: lets a test check the hand-written gradient against
     * finite differences.
     */
    Gradient gradient(TypeAwareModel model, List<ItemVectors> a, List<ItemVectors> b) {
        Run run = new Run(model, List.of(new OutfitRecord("a", a), new OutfitRecord("b", b)));
        TypeAwareModel.Encoded[] ea = a.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new);
        TypeAwareModel.Encoded[] eb = b.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new);
        boolean[] changed = new boolean[a.size()];
        for (int p = 0; p < changed.length; p++) {
            changed[p] = !a.get(p).id().equals(b.get(p).id());
            if (!changed[p]) {
                eb[p] = ea[p];
            }
        }
        double loss = run.lossAndGradient(ea, eb, changed);
        return new Gradient(loss, run.tables().stream().map(t -> t.grad.clone()).toList());
    }

    /**
     * The blank-filling loss of {@code candidates.get(0)} among the candidates for the partial outfit and its
     * gradient, without an update (for a finite-difference check).
     */
    Gradient blankGradient(TypeAwareModel model, List<ItemVectors> partial, List<ItemVectors> candidates) {
        List<OutfitRecord> outfits = new ArrayList<>();
        outfits.add(new OutfitRecord("partial", partial));
        outfits.add(new OutfitRecord("candidates", candidates));
        Run run = new Run(model, outfits);
        double loss = run.blankLossAndGradient(partial.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new),
                candidates.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new));
        return new Gradient(loss, run.tables().stream().map(t -> t.grad.clone()).toList());
    }

    private TypeAwareModel initialize(List<OutfitRecord> outfits) {
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        TreeMap<String, Integer> features = new TreeMap<>();
        for (OutfitRecord outfit : outfits) {
            for (ItemVectors item : outfit.items()) {
                types.add(item.type());
                if (item.category() != null) {
                    categories.add(item.category());
                }
                if (config.itemEmbeddings()) {
                    ids.add(item.id());
                }
                item.features().forEach((name, vector) -> {
                    Integer known = features.putIfAbsent(name, vector.length);
                    if (known != null && known != vector.length) {
                        throw new IllegalArgumentException("feature " + name + " has " + vector.length
                                + " dimensions at item " + item.id() + " and " + known + " elsewhere");
                    }
                });
            }
        }
        List<FeatureSpec> specs = new ArrayList<>();
        features.forEach((name, dim) -> specs.add(new FeatureSpec(name, dim)));
        int d = config.dimension();
        int content = specs.stream().mapToInt(FeatureSpec::dimension).sum();
        Random random = new Random(config.seed());
        int pairs = TypeAwareModel.numPairs(types.size());
        float[] masks = new float[pairs * d];
        java.util.Arrays.fill(masks, 1f);
        return new TypeAwareModel(d, new ArrayList<>(types), new ArrayList<>(categories), new ArrayList<>(ids),
                specs, config.parameters(), new float[d], gaussian(random, types.size() * d, 0.1),
                gaussian(random, categories.size() * d, 0.1), new float[ids.size() * d],
                gaussian(random, content * d, 0.1), masks, new float[pairs]);
    }

    private static float[] gaussian(Random random, int n, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * sd);
        }
        return values;
    }

    /** The state of one training run. */
    private final class Run {
        private final TypeAwareModel model;
        private final TypeAwareModel.Encoded[][] items;
        private final int[] outfitGroup;
        /** Pools of item references (outfit * 64 + position) by content group, then by type. */
        private final Map<Integer, int[][]> poolsByType = new HashMap<>();
        private final Map<Integer, int[]> poolsAny = new HashMap<>();
        private final SplittableRandom random;
        private final AdamTable bias;
        private final AdamTable type;
        private final AdamTable category;
        private final AdamTable item;
        private final AdamTable projection;
        private final AdamTable masks;
        private final AdamTable pairBias;
        private final int d;
        private final int maxSize;
        // per-example buffers
        private final float[][] uA;
        private final float[][] uBOwn;
        private final float[][] gA;
        private final float[][] gBOwn;
        private final float[] normA;
        private final float[] normBOwn;
        private final float[] ge;
        private int step;

        Run(TypeAwareModel model, List<OutfitRecord> outfits) {
            this.model = model;
            this.d = model.dimension;
            this.random = new SplittableRandom(config.seed() * 31 + 7);
            items = new TypeAwareModel.Encoded[outfits.size()][];
            outfitGroup = new int[outfits.size()];
            int largest = 0;
            Map<Integer, Map<Integer, List<Integer>>> byGroup = new TreeMap<>();
            for (int o = 0; o < outfits.size(); o++) {
                List<ItemVectors> list = outfits.get(o).items();
                if (list.size() > 64) {
                    throw new IllegalArgumentException("outfit " + outfits.get(o).id() + " has more than 64 items");
                }
                largest = Math.max(largest, list.size());
                items[o] = new TypeAwareModel.Encoded[list.size()];
                boolean anyContent = false;
                for (int p = 0; p < list.size(); p++) {
                    TypeAwareModel.Encoded e = model.encode(list.get(p));
                    items[o][p] = e;
                    anyContent |= e.content() != null;
                    byGroup.computeIfAbsent(groupOf(e), g -> new TreeMap<>())
                            .computeIfAbsent(e.type(), t -> new ArrayList<>()).add(o * 64 + p);
                }
                outfitGroup[o] = anyContent ? 1 : 0;
            }
            maxSize = largest;
            byGroup.forEach((g, byType) -> {
                int[][] pools = new int[model.vocabulary.types.size()][];
                List<Integer> all = new ArrayList<>();
                byType.forEach((t, refs) -> {
                    pools[t] = refs.stream().mapToInt(Integer::intValue).toArray();
                    all.addAll(refs);
                });
                poolsByType.put(g, pools);
                poolsAny.put(g, all.stream().mapToInt(Integer::intValue).toArray());
            });
            bias = new AdamTable(model.bias, d, false);
            type = new AdamTable(model.typeEmbedding, d, true);
            category = new AdamTable(model.categoryEmbedding, d, true);
            item = new AdamTable(model.itemEmbedding, d, true);
            projection = new AdamTable(model.projection, d, true);
            masks = new AdamTable(model.masks, d, false);
            pairBias = new AdamTable(model.pairBias, 1, false);
            uA = new float[maxSize][d];
            uBOwn = new float[maxSize][d];
            gA = new float[maxSize][d];
            gBOwn = new float[maxSize][d];
            normA = new float[maxSize];
            normBOwn = new float[maxSize];
            ge = new float[d];
        }

        void train(Listener listener) {
            List<Integer> schedule = new ArrayList<>();
            for (int o = 0; o < items.length; o++) {
                int repeats = outfitGroup[o] == 1 ? config.contentRepeats() : 1;
                for (int r = 0; r < repeats; r++) {
                    schedule.add(o);
                }
            }
            int[] order = schedule.stream().mapToInt(Integer::intValue).toArray();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                shuffle(order);
                double lossSum = 0;
                int examples = 0;
                int inBatch = 0;
                for (int o : order) {
                    boolean blank = config.blankShare() > 0 && random.nextDouble() < config.blankShare();
                    double loss = blank ? blankExample(o) : example(o);
                    if (Double.isNaN(loss)) {
                        continue;
                    }
                    lossSum += loss;
                    examples++;
                    if (++inBatch == config.batchSize()) {
                        update();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    update();
                }
                if (listener != null) {
                    listener.onEpoch(new EpochSummary(epoch, examples == 0 ? 0 : lossSum / examples,
                            (System.nanoTime() - start) / 1e9, examples));
                }
            }
        }

        private void shuffle(int[] values) {
            for (int i = values.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = values[i];
                values[i] = values[j];
                values[j] = t;
            }
        }

        List<AdamTable> tables() {
            return List.of(bias, type, category, item, projection, masks, pairBias);
        }

        private void update() {
            step++;
            double lr = config.learningRate();
            double decay = config.weightDecay();
            for (AdamTable table : tables()) {
                table.step(lr, step, decay);
            }
        }

        private TypeAwareModel.Encoded dropout(TypeAwareModel.Encoded e) {
            return config.categoryDropout() > 0 && random.nextDouble() < config.categoryDropout()
                    ? e.withoutCategory() : e;
        }

        /** A replacement for item p of outfit o from another outfit, or null when there is none. */
        private TypeAwareModel.Encoded replacement(int o, int p) {
            TypeAwareModel.Encoded original = items[o][p];
            int g = groupOf(original);
            int[] pool = null;
            if (random.nextDouble() < config.sameTypeShare()) {
                pool = poolsByType.get(g)[original.type()];
            }
            if (pool == null) {
                pool = poolsAny.get(g);
            }
            for (int attempt = 0; attempt < 2; attempt++) {
                for (int tries = 0; tries < 8; tries++) {
                    int ref = pool[random.nextInt(pool.length)];
                    if (ref / 64 != o) {
                        return dropout(items[ref / 64][ref % 64]);
                    }
                }
                pool = poolsAny.get(g);
            }
            return null;
        }

        /** Which features an item has, as a bit set over the model's features: replacements keep it. */
        private int groupOf(TypeAwareModel.Encoded e) {
            if (e.content() == null) {
                return 0;
            }
            int bits = 0;
            int offset = 0;
            for (int f = 0; f < model.vocabulary.features.size(); f++) {
                int dim = model.vocabulary.features.get(f).dimension();
                for (int k = offset; k < offset + dim; k++) {
                    if (e.content()[k] != 0) {
                        bits |= 1 << f;
                        break;
                    }
                }
                offset += dim;
            }
            return bits;
        }

        /** Forward and backward pass of one example; returns its loss, or NaN when none could be drawn. */
        private double example(int o) {
            TypeAwareModel.Encoded[] original = items[o];
            int n = original.length;
            int a = random.nextBoolean() ? 0 : 1 + random.nextInt(n - 1);
            int b = a + 1 + random.nextInt(n - a);
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            shuffle(perm);
            TypeAwareModel.Encoded[] outfitA = new TypeAwareModel.Encoded[n];
            TypeAwareModel.Encoded[] outfitB = new TypeAwareModel.Encoded[n];
            boolean[] changed = new boolean[n];
            for (int p = 0; p < n; p++) {
                outfitA[p] = dropout(original[p]);
                outfitB[p] = outfitA[p];
            }
            for (int k = 0; k < b; k++) {
                int p = perm[k];
                TypeAwareModel.Encoded r = replacement(o, p);
                if (r == null) {
                    return Double.NaN;
                }
                if (k < a) {
                    outfitA[p] = r;
                    outfitB[p] = r;
                } else {
                    outfitB[p] = r;
                    changed[p] = true;
                }
            }
            return lossAndGradient(outfitA, outfitB, changed);
        }

        /**
         * A blank-filling question: one item of the outfit is hidden and {@code blankCandidates - 1} replacements
         * are drawn for it; the loss is the softmax cross-entropy of the hidden item among the candidates, each
         * scored by its mean pair score with the rest of the outfit (what fill-in-the-blank and complete-the-look
         * rank by). NaN when no replacement could be drawn.
         */
        private double blankExample(int o) {
            TypeAwareModel.Encoded[] original = items[o];
            int hidden = random.nextInt(original.length);
            TypeAwareModel.Encoded[] partial = new TypeAwareModel.Encoded[original.length - 1];
            for (int p = 0, q = 0; p < original.length; p++) {
                if (p != hidden) {
                    partial[q++] = dropout(original[p]);
                }
            }
            TypeAwareModel.Encoded[] candidates = new TypeAwareModel.Encoded[config.blankCandidates()];
            candidates[0] = dropout(original[hidden]);
            for (int c = 1; c < candidates.length; c++) {
                candidates[c] = replacement(o, hidden);
                if (candidates[c] == null) {
                    return Double.NaN;
                }
            }
            return blankLossAndGradient(partial, candidates);
        }

        /**
         * The softmax loss of {@code candidates[0]} among the candidates for the partial outfit and, added to the
         * tables' gradients, its gradient.
         */
        double blankLossAndGradient(TypeAwareModel.Encoded[] partial, TypeAwareModel.Encoded[] candidates) {
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
        double lossAndGradient(TypeAwareModel.Encoded[] outfitA, TypeAwareModel.Encoded[] outfitB,
                               boolean[] changed) {
            int n = outfitA.length;
            float[][] uB = new float[n][];
            float[][] gB = new float[n][];
            float[] normB = new float[n];
            for (int p = 0; p < n; p++) {
                normA[p] = model.embed(outfitA[p], uA[p]);
                java.util.Arrays.fill(gA[p], 0f);
                if (changed[p]) {
                    normB[p] = model.embed(outfitB[p], uBOwn[p]);
                    uB[p] = uBOwn[p];
                    java.util.Arrays.fill(gBOwn[p], 0f);
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
}
