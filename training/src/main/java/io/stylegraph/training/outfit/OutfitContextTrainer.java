package io.stylegraph.training.outfit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an {@link OutfitContextModel} on fill-in-the-blank questions drawn from the training outfits, single-threaded
 * and deterministic for a seed. Each epoch visits every outfit once (an outfit whose items carry content vectors
 * {@link OutfitContextConfig#contentRepeats()} times) in a shuffled order; a visit hides one of its items at random
 * and asks the model to pick it among {@link OutfitContextConfig#randomNegatives()} training items of any slot and
 * {@link OutfitContextConfig#sameSlotNegatives()} of the hidden item's slot (hard negatives: only the item itself,
 * not its slot, can tell them apart). Distractors come from other outfits and carry the same content features as the
 * hidden item (a named item is matched with named items), so having a name or a price is never the answer.
 */
public final class OutfitContextTrainer {

    /** One epoch's mean loss per question, its wall time and its question count. */
    public record EpochSummary(int epoch, double loss, double seconds, int examples) {
    }

    /** Called after each epoch. */
    public interface Listener {
        void onEpoch(EpochSummary summary);
    }

    private final OutfitContextConfig config;

    public OutfitContextTrainer(OutfitContextConfig config) {
        this.config = config;
    }

    /** Trains on the outfits of two or more items; the listener may be null. */
    public OutfitContextModel train(List<OutfitRecord> outfits, Listener listener) {
        List<OutfitRecord> usable = outfits.stream().filter(o -> o.size() >= 2).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no outfit with two or more items to train on");
        }
        OutfitContextModel model = initialModel(usable);
        Questions questions = new Questions(model.vocabulary, usable, new SplittableRandom(config.seed() ^ 0x5DEECE66DL));
        OutfitContextLoss loss = new OutfitContextLoss(model);
        List<Integer> visits = new ArrayList<>();
        for (int o = 0; o < usable.size(); o++) {
            int repeats = questions.hasContent(o) ? config.contentRepeats() : 1;
            for (int r = 0; r < repeats; r++) {
                visits.add(o);
            }
        }
        int[] order = visits.stream().mapToInt(Integer::intValue).toArray();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            questions.shuffle(order);
            double lossSum = 0;
            int inBatch = 0;
            for (int o : order) {
                Questions.Question q = questions.draw(o, config.randomNegatives(), config.sameSlotNegatives());
                lossSum += loss.example(q.partial(), q.candidates());
                if (++inBatch == config.batchSize()) {
                    loss.step(config.learningRate(), config.weightDecay());
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                loss.step(config.learningRate(), config.weightDecay());
            }
            if (listener != null) {
                listener.onEpoch(new EpochSummary(epoch, lossSum / order.length, (System.nanoTime() - start) / 1e9,
                        order.length));
            }
        }
        return model;
    }

    /** A model with seeded initial weights over the outfits' vocabularies, W the identity. */
    OutfitContextModel initialModel(List<OutfitRecord> outfits) {
        TypeAwareVocabulary vocabulary = TypeAwareVocabulary.of(outfits, false);
        int d = config.dimension();
        SplittableRandom random = new SplittableRandom(config.seed());
        float[] compatibility = new float[d * d];
        for (int i = 0; i < d; i++) {
            compatibility[i * d + i] = 1f;
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>(config.parameters());
        parameters.put("context.types", Integer.toString(vocabulary.types.size()));
        parameters.put("context.categories", Integer.toString(vocabulary.categories.size()));
        parameters.put("context.contentDimension", Integer.toString(vocabulary.contentDimension));
        return new OutfitContextModel(vocabulary, d, parameters, new float[d],
                gaussian(vocabulary.types.size() * d, 0.3, random),
                gaussian(vocabulary.categories.size() * d, 0.3, random),
                gaussian(vocabulary.contentDimension * d, 0.5, random), compatibility);
    }

    private static float[] gaussian(int length, double deviation, SplittableRandom random) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            values[i] = (float) (deviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return values;
    }

    /** The training outfits encoded once, with pools of distractors by content features and by slot. */
    static final class Questions {
        record Question(List<TypeAwareModel.Encoded> partial, List<TypeAwareModel.Encoded> candidates) {
        }

        private final List<TypeAwareModel.Encoded[]> outfits = new ArrayList<>();
        private final List<Integer> bits = new ArrayList<>();
        private final List<int[]> itemBits = new ArrayList<>();
        /** Item references {outfit, position} by content bits, and by content bits and slot. */
        private final Map<Integer, List<int[]>> byBits = new HashMap<>();
        private final Map<Long, List<int[]>> byBitsAndType = new HashMap<>();
        private final SplittableRandom random;

        Questions(TypeAwareVocabulary vocabulary, List<OutfitRecord> records, SplittableRandom random) {
            this.random = random;
            for (int o = 0; o < records.size(); o++) {
                List<ItemVectors> items = records.get(o).items();
                TypeAwareModel.Encoded[] encoded = new TypeAwareModel.Encoded[items.size()];
                int[] featureBits = new int[items.size()];
                int any = 0;
                for (int p = 0; p < encoded.length; p++) {
                    encoded[p] = vocabulary.encode(items.get(p));
                    int b = vocabulary.featureBits(encoded[p]);
                    featureBits[p] = b;
                    any |= b;
                    int[] ref = {o, p};
                    byBits.computeIfAbsent(b, k -> new ArrayList<>()).add(ref);
                    byBitsAndType.computeIfAbsent(key(b, encoded[p].type()), k -> new ArrayList<>()).add(ref);
                }
                outfits.add(encoded);
                itemBits.add(featureBits);
                bits.add(any);
            }
        }

        private static long key(int bits, int type) {
            return ((long) bits << 32) | type;
        }

        boolean hasContent(int outfit) {
            return bits.get(outfit) != 0;
        }

        void shuffle(int[] order) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

        /** One question from outfit o: a random item hidden, the true item first among the candidates. */
        Question draw(int o, int randomNegatives, int sameSlotNegatives) {
            TypeAwareModel.Encoded[] items = outfits.get(o);
            int blank = random.nextInt(items.length);
            List<TypeAwareModel.Encoded> partial = new ArrayList<>(items.length - 1);
            for (int p = 0; p < items.length; p++) {
                if (p != blank) {
                    partial.add(items[p]);
                }
            }
            TypeAwareModel.Encoded truth = items[blank];
            int truthBits = itemBits.get(o)[blank];
            List<TypeAwareModel.Encoded> candidates = new ArrayList<>(1 + randomNegatives + sameSlotNegatives);
            candidates.add(truth);
            List<int[]> anyPool = byBits.get(truthBits);
            List<int[]> slotPool = byBitsAndType.get(key(truthBits, truth.type()));
            for (int n = 0; n < randomNegatives + sameSlotNegatives; n++) {
                List<int[]> pool = n < randomNegatives ? anyPool : slotPool;
                candidates.add(distractor(o, pool, anyPool));
            }
            return new Question(partial, candidates);
        }

        /** A random pooled item of another outfit than o; from {@code fallback} when the pool has none. */
        private TypeAwareModel.Encoded distractor(int o, List<int[]> pool, List<int[]> fallback) {
            for (List<int[]> source : List.of(pool, fallback)) {
                for (int tries = 0; tries < 20; tries++) {
                    int[] ref = source.get(random.nextInt(source.size()));
                    if (ref[0] != o) {
                        return outfits.get(ref[0])[ref[1]];
                    }
                }
            }
            throw new IllegalArgumentException("too few outfits to draw distractors from");
        }
    }
}
