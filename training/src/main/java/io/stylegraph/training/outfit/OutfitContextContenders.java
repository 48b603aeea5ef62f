package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link OutfitContextModel} rows of the outfit evaluations ({@link DevFolds}, the held-out run): the model as a
 * catalogue could serve it (names, categories and slots), the same reading price bands too (Maryland only: catalogue
 * items carry no price), and an ablation trained with random distractors only (as many, none of the blank's slot).
 */
final class OutfitContextContenders {

    static final String CONTEXT = "outfit context (same-slot negatives)";
    static final String CONTEXT_PRICED = "outfit context + price band";
    static final String CONTEXT_RANDOM = "outfit context, random negatives only";
    static final String CONTEXT_BLEND = "type-aware + outfit context + co-occurrence, standardized";
    /**
     * The served blend (type-aware, text-category co-occurrence, word overlap) plus the outfit context model at the
     * type-aware part's scale.
     */
    static final String CONTEXT_SERVED_BLEND = "served blend + outfit context";
    /** The rows by the key {@code --contenders} names them with. */
    static final Map<String, String> KEYS = Map.of("context", CONTEXT, "context-price", CONTEXT_PRICED,
            "context-random-negatives", CONTEXT_RANDOM, "context-blend", CONTEXT_BLEND,
            "context-served-blend", CONTEXT_SERVED_BLEND);
    /** Random pairs of training items whose pair scores set each blended model's scale. */
    private static final int SCALE_PAIRS = 2000;

    private OutfitContextContenders() {
    }

    /** Whether the row reads price bands, so is measured on items that keep theirs. */
    static boolean readsPrice(String label) {
        return CONTEXT_PRICED.equals(label);
    }

    /**
     * Trains the rows among {@code labels}: those that read prices on {@code withPrices}, the others on
     * {@code withoutPrices} (the same outfits, the price feature removed).
     */
    static Map<String, CompatibilityModel> train(Collection<String> labels, OutfitContextConfig config,
                                                 List<OutfitRecord> withPrices, List<OutfitRecord> withoutPrices,
                                                 Blended blended, PrintStream out) {
        Map<String, CompatibilityModel> models = new LinkedHashMap<>();
        if (labels.contains(CONTEXT) || labels.contains(CONTEXT_BLEND) || labels.contains(CONTEXT_SERVED_BLEND)) {
            OutfitContextModel context = train(CONTEXT, config, withoutPrices, out);
            if (labels.contains(CONTEXT_SERVED_BLEND) && blended.served() != null) {
                BlendedCompatibility scale = standardized(CONTEXT_SERVED_BLEND, List.of(blended.typeAware(), context),
                        withoutPrices, config.seed());
                double[] w = scale.weights();
                models.put(CONTEXT_SERVED_BLEND, new BlendedCompatibility(CONTEXT_SERVED_BLEND,
                        List.of(blended.served(), context), new double[] {1, w[1] / w[0]}));
            }
            if (labels.contains(CONTEXT)) {
                models.put(CONTEXT, context);
            }
            if (labels.contains(CONTEXT_BLEND)) {
                models.put(CONTEXT_BLEND, standardized(CONTEXT_BLEND, List.of(blended.typeAware(), context,
                        blended.cooccurrence()), withoutPrices, config.seed()));
            }
        }
        if (labels.contains(CONTEXT_PRICED)) {
            models.put(CONTEXT_PRICED, train(CONTEXT_PRICED, config, withPrices, out));
        }
        if (labels.contains(CONTEXT_RANDOM)) {
            OutfitContextConfig random = config.withNegatives(config.randomNegatives() + config.sameSlotNegatives(),
                    0);
            models.put(CONTEXT_RANDOM, train(CONTEXT_RANDOM, random, withoutPrices, out));
        }
        return models;
    }

    /**
     * The models a blend row adds the outfit context model to; {@code served} is the served blend of the same
     * type-aware model (null where a caller has none).
     */
    record Blended(CompatibilityModel typeAware, CompatibilityModel cooccurrence, CompatibilityModel served) {
        Blended(CompatibilityModel typeAware, CompatibilityModel cooccurrence) {
            this(typeAware, cooccurrence, null);
        }
    }

    /**
     * The sum of the models' scores, each divided by the standard deviation of its pair scores over
     * {@value #SCALE_PAIRS} seeded random pairs of training items that carry content vectors (so each model counts
     * about as much, whatever its scale).
     */
    static BlendedCompatibility standardized(String label, List<CompatibilityModel> models,
                                             List<OutfitRecord> train, long seed) {
        List<ItemVectors> items = train.stream().flatMap(o -> o.items().stream())
                .filter(i -> !i.features().isEmpty()).toList();
        if (items.size() < 2) {
            items = train.stream().flatMap(o -> o.items().stream()).toList();
        }
        double[] weights = new double[models.size()];
        for (int m = 0; m < weights.length; m++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            double sum = 0;
            double squares = 0;
            for (int p = 0; p < SCALE_PAIRS; p++) {
                double score = models.get(m).pairScore(items.get(random.nextInt(items.size())),
                        items.get(random.nextInt(items.size())));
                sum += score;
                squares += score * score;
            }
            double mean = sum / SCALE_PAIRS;
            double deviation = Math.sqrt(Math.max(0, squares / SCALE_PAIRS - mean * mean));
            weights[m] = deviation > 0 ? 1 / deviation : 1;
        }
        return new BlendedCompatibility(label, models, weights);
    }

    /** Trains one model, logging each epoch's loss, time and question count. */
    static OutfitContextModel train(String label, OutfitContextConfig config, List<OutfitRecord> outfits,
                                    PrintStream out) {
        out.printf("== %s %s%n", label, config.parameters());
        long start = System.nanoTime();
        OutfitContextModel model = new OutfitContextTrainer(config).train(outfits, s -> out.printf(Locale.ROOT,
                "[%s] epoch %d loss %.5f (%.2f s, %d questions, %.0f questions/s)%n", label, s.epoch(), s.loss(),
                s.seconds(), s.examples(), s.examples() / Math.max(s.seconds(), 1e-9)));
        out.printf(Locale.ROOT, "[%s] trained in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
        return model;
    }

    /** The notes a report with any of these rows carries. */
    static List<String> notes(OutfitContextConfig config) {
        return List.of("'" + CONTEXT + "' (OutfitContextModel): each item embedded as tanh(bias + slot + category + "
                + "projection of its content vectors), a candidate scored by its compatibility (a learned symmetric "
                + "bilinear form) with the mean embedding of the rest of the outfit; trained on fill-in-the-blank "
                + "questions from every training outfit (named outfits " + config.contentRepeats() + " times per "
                + "epoch, category-only ones once), each with " + config.randomNegatives() + " distractors of any "
                + "slot and " + config.sameSlotNegatives() + " of the hidden item's slot, drawn from training items "
                + "with the same content features; settings " + config.parameters() + ".",
                "'" + CONTEXT_PRICED + "' reads each item's price band as a second content vector (not servable: "
                        + "catalogue items carry no price); '" + CONTEXT_RANDOM + "' is the ablation trained with "
                        + (config.randomNegatives() + config.sameSlotNegatives()) + " distractors of any slot.",
                "'" + CONTEXT_BLEND + "' adds up the served type-aware model, '" + CONTEXT + "' and the category "
                        + "co-occurrence, each divided by the standard deviation of its pair scores over "
                        + SCALE_PAIRS + " seeded random pairs of training items with a name.");
    }
}
