package io.stylegraph.training.experiment;

import io.stylegraph.training.model.ContentKnnTrainer;
import io.stylegraph.training.model.ContentProfileTrainer;
import io.stylegraph.training.model.Contrast;
import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.ItemWalkTrainer;
import io.stylegraph.training.model.PopularityTrainer;
import io.stylegraph.training.model.RecommenderModel;
import io.stylegraph.training.model.Trainer;


/**
 * The models an experiment trains, by name: popular, content-knn, content-profile, item-walk, and the graph models
 * bpr, lightgcn, freedom (with the item content the data has) and freedom-id (without), each of the last four
 * optionally with a suffix that says how it uses dislikes.
 */
public final class ModelCatalogue {

    /** FREEDOM without content: no item graph, no modality terms. */
    public static final String FREEDOM_ID_ONLY = "freedom-id";

    private ModelCatalogue() {
    }

    /** How a graph model uses dislikes, chosen by a suffix of its name. */
    enum DislikeUse {
        HARD_NEGATIVES(""), IGNORED("-no-dislikes"), SIGNED_EDGES("-signed"), BOTH("-hard-signed");

        final String suffix;

        DislikeUse(String suffix) {
            this.suffix = suffix;
        }

        static DislikeUse of(String modelName) {
            DislikeUse found = HARD_NEGATIVES;
            for (DislikeUse use : values()) {
                if (!use.suffix.isEmpty() && modelName.endsWith(use.suffix)
                        && use.suffix.length() > found.suffix.length()) {
                    found = use;
                }
            }
            return found;
        }
    }

    /** Whether the named model runs without item content although the data has some. */
    public static boolean withoutContent(String name) {
        return name.startsWith(FREEDOM_ID_ONLY) || name.startsWith("lightgcn") || name.startsWith("bpr");
    }

    /**
     * The trainer of the named model with the experiment's settings.
     *
     * @throws IllegalArgumentException for a name this catalogue does not know
     */
    public static Trainer<? extends RecommenderModel> trainer(String name, TrainerSettings settings) {
        switch (name) {
            case PopularityTrainer.NAME:
                return new PopularityTrainer();
            case ContentKnnTrainer.NAME:
                return new ContentKnnTrainer(settings.contentKnnK());
            case ContentProfileTrainer.NAME:
                return new ContentProfileTrainer();
            case ItemWalkTrainer.NAME:
                return new ItemWalkTrainer(settings.itemWalkK(), settings.itemWalkBeta());
            default:
                return new FreedomTrainer(graphConfig(name, settings));
        }
    }

    private static FreedomConfig graphConfig(String name, TrainerSettings s) {
        DislikeUse dislikeUse = DislikeUse.of(name);
        String base = name.substring(0, name.length() - dislikeUse.suffix.length());
        FreedomConfig config = switch (base) {
            case "bpr" -> FreedomConfig.bprMf();
            case "lightgcn" -> FreedomConfig.lightGcn();
            case "freedom", FREEDOM_ID_ONLY -> set(FreedomConfig.freedom(), s.keepRatio(), FreedomConfig::withKeepRatio);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: popular, content-knn, "
                    + "content-profile, item-walk, bpr, lightgcn, freedom, freedom-id, each of the last four "
                    + "optionally with -no-dislikes, -signed or -hard-signed");
        };
        config = config.withName(name);
        if (base.equals(FREEDOM_ID_ONLY)) {
            config = config.withItemGraph(false).withModalityLossWeight(0);
        }
        double edgeWeight = s.dislikeEdgeWeight() == null ? 0.5 : s.dislikeEdgeWeight();
        config = switch (dislikeUse) {
            case HARD_NEGATIVES -> config;
            case IGNORED -> config.withHardNegativeRatio(0);
            case SIGNED_EDGES -> config.withHardNegativeRatio(0).withDislikeEdgeWeight(edgeWeight);
            case BOTH -> config.withDislikeEdgeWeight(edgeWeight);
        };
        if (config.hardNegativeRatio() > 0) {
            config = set(config, s.hardNegativeRatio(), FreedomConfig::withHardNegativeRatio);
        }
        config = config.withSeed(s.seed()).withEngine(s.engine());
        config = set(config, s.epochs(), FreedomConfig::withMaxEpochs);
        config = set(config, s.patience(), FreedomConfig::withPatience);
        config = set(config, s.threads(), FreedomConfig::withThreads);
        config = set(config, s.learningRate(), FreedomConfig::withLearningRate);
        config = set(config, s.maxBatchesPerEpoch(), FreedomConfig::withMaxBatchesPerEpoch);
        config = set(config, s.evaluateEvery(), FreedomConfig::withEvaluateEvery);
        config = set(config, s.l2(), FreedomConfig::withL2);
        config = set(config, s.dimension(), FreedomConfig::withDimension);
        config = set(config, s.knnK(), FreedomConfig::withKnnK);
        if (config.layers() > 0) {
            config = set(config, s.layers(), FreedomConfig::withLayers);
        }
        if (config.itemGraph()) {
            config = set(config, s.modalityLossWeight(), FreedomConfig::withModalityLossWeight)
                    .withContentEmbedding(s.contentEmbedding());
        }
        if (base.equals("freedom") || base.equals(FREEDOM_ID_ONLY)) {
            config = config.withContrast(contrast(config.contrast(), s.contrast()));
        }
        return config;
    }

    private static Contrast contrast(Contrast contrast, TrainerSettings.ContrastSettings s) {
        contrast = set(contrast, s.weight(), Contrast::withWeight);
        contrast = set(contrast, s.temperature(), Contrast::withTemperature);
        contrast = set(contrast, s.noise(), Contrast::withNoise);
        return set(contrast, s.layer(), Contrast::withLayer);
    }

    /** {@code with(target, value)}, or the target as it is when the value is null. */
    private static <T, V> T set(T target, V value, java.util.function.BiFunction<T, V, T> with) {
        return value == null ? target : with.apply(target, value);
    }
}
