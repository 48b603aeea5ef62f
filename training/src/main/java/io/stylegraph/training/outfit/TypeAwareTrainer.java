package io.stylegraph.training.outfit;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link TypeAwareModel} from outfits with hand-written gradients and Adam, single-threaded and
 * deterministic for a seed: initial weights from the outfits' vocabularies, then per epoch the outfits in a shuffled
 * order, each drawn into a ranking or blank-filling example ({@code TypeAwareSampler}), its loss and gradient added
 * to the batch ({@code TypeAwareLoss}), one Adam step per {@link TypeAwareConfig#batchSize()} examples.
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
        TypeAwareSampler sampler = new TypeAwareSampler(model.vocabulary, usable, config);
        TypeAwareLoss loss = new TypeAwareLoss(model, config, sampler.largestOutfit());
        int[] order = sampler.schedule();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            sampler.shuffle(order);
            double lossSum = 0;
            int examples = 0;
            int inBatch = 0;
            for (int o : order) {
                double value = sampler.nextIsBlank() ? blankExample(sampler, loss, o)
                        : rankingExample(sampler, loss, o);
                if (Double.isNaN(value)) {
                    continue;
                }
                lossSum += value;
                examples++;
                if (++inBatch == config.batchSize()) {
                    loss.step();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                loss.step();
            }
            if (listener != null) {
                listener.onEpoch(new EpochSummary(epoch, examples == 0 ? 0 : lossSum / examples,
                        (System.nanoTime() - start) / 1e9, examples));
            }
        }
        return model;
    }

    /** The loss of a ranking example drawn from outfit o (its gradient added), or NaN when none could be drawn. */
    private static double rankingExample(TypeAwareSampler sampler, TypeAwareLoss loss, int o) {
        TypeAwareSampler.Ranking example = sampler.ranking(o);
        return example == null ? Double.NaN
                : loss.ranking(example.outfitA(), example.outfitB(), example.changed());
    }

    /** The loss of a blank-filling question drawn from outfit o (its gradient added), or NaN when none was drawn. */
    private static double blankExample(TypeAwareSampler sampler, TypeAwareLoss loss, int o) {
        TypeAwareSampler.Blank example = sampler.blank(o);
        return example == null ? Double.NaN : loss.blank(example.partial(), example.candidates());
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
        TypeAwareLoss loss = new TypeAwareLoss(model, config, Math.max(a.size(), b.size()));
        TypeAwareModel.Encoded[] ea = a.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new);
        TypeAwareModel.Encoded[] eb = b.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new);
        boolean[] changed = new boolean[a.size()];
        for (int p = 0; p < changed.length; p++) {
            changed[p] = !a.get(p).id().equals(b.get(p).id());
            if (!changed[p]) {
                eb[p] = ea[p];
            }
        }
        double value = loss.ranking(ea, eb, changed);
        return new Gradient(value, loss.tables().stream().map(t -> t.grad.clone()).toList());
    }

    /**
     * The blank-filling loss of {@code candidates.get(0)} among the candidates for the partial outfit and its
     * gradient, without an update (for a finite-difference check).
     */
    Gradient blankGradient(TypeAwareModel model, List<ItemVectors> partial, List<ItemVectors> candidates) {
        TypeAwareLoss loss = new TypeAwareLoss(model, config, Math.max(partial.size(), candidates.size()));
        double value = loss.blank(partial.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new),
                candidates.stream().map(model::encode).toArray(TypeAwareModel.Encoded[]::new));
        return new Gradient(value, loss.tables().stream().map(t -> t.grad.clone()).toList());
    }

    /**
     * The outfits' vocabularies with item ids where {@link TypeAwareConfig#itemEmbeddings()}; type, category and
     * projection weights drawn from a Gaussian (sd 0.1) with the seed, bias and item embeddings zero, masks one.
     */
    private TypeAwareModel initialize(List<OutfitRecord> outfits) {
        TypeAwareVocabulary vocabulary = TypeAwareVocabulary.of(outfits, config.itemEmbeddings());
        int d = config.dimension();
        int types = vocabulary.types.size();
        Random random = new Random(config.seed());
        int pairs = vocabulary.pairs();
        float[] masks = new float[pairs * d];
        Arrays.fill(masks, 1f);
        return new TypeAwareModel(d, vocabulary, config.parameters(), new float[d], gaussian(random, types * d, 0.1),
                gaussian(random, vocabulary.categories.size() * d, 0.1), new float[vocabulary.itemIds.size() * d],
                gaussian(random, vocabulary.contentDimension * d, 0.1), masks, new float[pairs]);
    }

    private static float[] gaussian(Random random, int n, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * sd);
        }
        return values;
    }
}
