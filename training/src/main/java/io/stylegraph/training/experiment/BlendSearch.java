package io.stylegraph.training.experiment;

import io.stylegraph.training.data.Split;
import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.model.ContentKnnTrainer;
import io.stylegraph.training.model.ContentProfileTrainer;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.HybridModel;
import io.stylegraph.training.model.ItemKnnModel;
import io.stylegraph.training.model.ItemWalkTrainer;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.TrainingData;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Blends a trained model with a second path ({@link HybridModel}: both standardized per user, model + w·path) and
 * chooses the path's weight, and where asked its recency half-life and the power of its scores, on validation
 * Recall@20. The path is the service's content profile, an item-kNN over content, or an item-walk (items liked by the
 * same users); each is trained once per half-life and shared by every model blended.
 */
public final class BlendSearch {

    /**
     * @param with           content-profile, content-knn or item-walk
     * @param weights        the path's weights to choose among
     * @param halfLives      recency half-lives of the path's likes (infinity: every like the same)
     * @param exponents      powers of an item-walk's scores (only 1 for the other paths)
     * @param lookalikes     an item-walk's lookalikes for the items it does not reach, by the blended model's item
     *                       embeddings ({@link ItemKnnModel#withLookalikes}); 0: none
     * @param trainSequences each user's train likes in order, where half-lives are finite; else null
     */
    public record Settings(String with, List<Double> weights, List<Double> halfLives, List<Double> exponents,
                           int lookalikes, int contentKnnK, int itemWalkK, double itemWalkBeta,
                           int[][] trainSequences) {
        public Settings {
            if (!List.of(ContentKnnTrainer.NAME, ContentProfileTrainer.NAME, ItemWalkTrainer.NAME).contains(with)) {
                throw new IllegalArgumentException("blends take " + ContentProfileTrainer.NAME + ", "
                        + ContentKnnTrainer.NAME + " or " + ItemWalkTrainer.NAME + ", not '" + with + "'");
            }
            if (exponents.isEmpty() || exponents.stream().anyMatch(p -> !(p > 0 && p <= 1))) {
                throw new IllegalArgumentException("item-walk exponents are powers in (0, 1], not " + exponents);
            }
            halfLives = halfLives == null || halfLives.isEmpty() ? List.of(Double.POSITIVE_INFINITY) : halfLives;
            exponents = ItemWalkTrainer.NAME.equals(with) ? exponents : List.of(1.0);
        }

        boolean walk() {
            return ItemWalkTrainer.NAME.equals(with);
        }
    }

    /**
     * The chosen blend.
     *
     * @param grid       every setting tried with its validation Recall@20, as the report lists them
     * @param parameters the blend's provenance: the hybrid's parameters, the grid and the chosen half-life, power and
     *                   lookalikes where they apply
     */
    public record Blend(HybridModel model, double weight, Map<String, Double> validation,
                        Map<String, String> parameters) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final Map<Double, RecommenderModel> paths = new HashMap<>();

    public BlendSearch(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Whether the data lets this search blend: content paths need item content, the walk only likes. */
    public boolean applies(TrainingData data) {
        return settings.walk() || !data.features().modalities().isEmpty();
    }

    /** The best blend of {@code model} on the split's validation likes. */
    public Blend choose(RecommenderModel model, TrainingData data, Split split, Evaluator evaluator) {
        double bestValue = Double.NEGATIVE_INFINITY;
        double bestWeight = 0;
        double bestHalfLife = settings.halfLives().get(0);
        double bestExponent = settings.exponents().get(0);
        Map<String, Double> bestValidation = Map.of();
        StringBuilder grid = new StringBuilder();
        // this model's own walk: items the walk does not reach take their scores from lookalikes by its embeddings
        Map<Double, RecommenderModel> reaching = new HashMap<>();
        for (double halfLife : settings.halfLives()) {
            for (double exponent : settings.exponents()) {
                for (double weight : settings.weights()) {
                    HybridModel hybrid = new HybridModel(model, path(halfLife, exponent, data, reaching, model),
                            weight);
                    EvaluationResult valid = evaluator.evaluate(hybrid.scorer(), split.train(), split.valid());
                    double value = valid.get("Recall@20");
                    out.printf(Locale.ROOT, "%s blend weight %.3f, recency half-life %s, exponent %s: valid "
                                    + "Recall@20 %.4f NDCG@20 %.4f%n", hybrid.name(), weight, halfLife, exponent,
                            value, valid.get("NDCG@20"));
                    grid.append(grid.length() == 0 ? "" : " ")
                            .append(settings.halfLives().size() > 1 ? halfLife + "/" : "")
                            .append(settings.exponents().size() > 1 ? "^" + exponent + "/" : "")
                            .append(String.format(Locale.ROOT, "%s:%.4f", weight, value));
                    if (value > bestValue) {
                        bestValue = value;
                        bestWeight = weight;
                        bestHalfLife = halfLife;
                        bestExponent = exponent;
                        bestValidation = valid.metrics();
                    }
                }
            }
        }
        HybridModel hybrid = new HybridModel(model, path(bestHalfLife, bestExponent, data, reaching, model),
                bestWeight);
        Map<String, String> parameters = new LinkedHashMap<>(hybrid.provenance().parameters());
        parameters.put("blendValidationGrid", grid.toString());
        if (!Double.isInfinite(bestHalfLife)) {
            parameters.put("recencyHalfLife", String.valueOf(bestHalfLife));
        }
        if (bestExponent != 1) {
            parameters.put("walkExponent", String.valueOf(bestExponent));
        }
        if (reaching.get(bestHalfLife) instanceof ItemKnnModel walk
                && walk.provenance().parameters().containsKey("lookalikes")) {
            parameters.put("walkLookalikes", walk.provenance().parameters().get("lookalikes"));
        }
        return new Blend(hybrid, bestWeight, bestValidation, parameters);
    }

    private RecommenderModel path(double halfLife, double exponent, TrainingData data,
                                  Map<Double, RecommenderModel> reaching, RecommenderModel blended) {
        RecommenderModel path = reaching.computeIfAbsent(halfLife, h -> {
            RecommenderModel plain = path(h, data);
            return settings.walk() && settings.lookalikes() > 0 && blended instanceof EmbeddingModel embeddings
                    ? ((ItemKnnModel) plain).withLookalikes(embeddings.itemEmbeddings(), embeddings.dimension(),
                    settings.lookalikes()) : plain;
        });
        return exponent == 1 ? path : ((ItemKnnModel) path).withExponent(exponent);
    }

    private RecommenderModel path(double halfLife, TrainingData data) {
        if (ContentKnnTrainer.NAME.equals(settings.with())) {
            return paths.computeIfAbsent(Double.NaN, h -> new ContentKnnTrainer(settings.contentKnnK()).train(data));
        }
        if (settings.walk()) {
            return paths.computeIfAbsent(halfLife, h -> new ItemWalkTrainer(settings.itemWalkK(),
                    settings.itemWalkBeta(), settings.trainSequences(), h).train(data));
        }
        return paths.computeIfAbsent(halfLife, h -> (Double.isInfinite(h) ? new ContentProfileTrainer()
                : new ContentProfileTrainer(settings.trainSequences(), h)).train(data));
    }
}
