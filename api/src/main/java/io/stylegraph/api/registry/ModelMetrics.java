package io.stylegraph.api.registry;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code metrics} document of a model version as the OpenAPI document shows it: the fields a recommender training
 * run writes and those of an outfit model (kind {@code outfit}: its figures on the Maryland dev slice), typed, so a
 * generated client reads them as properties. Every field is optional (each kind writes its own); the view still
 * passes the stored document on as it is.
 */
@Schema(name = "ModelMetrics")
record ModelMetrics(
        @Nullable @Schema(description = "Validation figures by name, e.g. Recall@20, NDCG@20")
        Map<String, Double> validation,
        @Nullable @Schema(description = "Test figures by name, e.g. Recall@20, NDCG@20") Map<String, Double> test,
        @Nullable @Schema(description = "The content blend weights the run chose on validation")
        WeightChoice contentBlend,
        @Nullable @Schema(description = "The item-walk weights and exponents the run chose on validation")
        WeightChoice itemWalk,
        @Nullable @Schema(description = "Outfit models: fill-in-the-blank accuracy on the dev slice, random distractors")
        Double devFitb,
        @Nullable @Schema(description = "Outfit models: fill-in-the-blank accuracy on the dev slice, same-slot "
                + "distractors") Double devFitbSameSlot,
        @Nullable @Schema(description = "Outfit models: compatibility AUC on the dev slice") Double devAuc,
        @Nullable @Schema(description = "Outfit models: outfits in the dev slice") Integer devOutfits) {

    /** A blend chosen on validation: its weights, what it was chosen on and every trial. */
    @Schema(name = "ModelMetricsWeightChoice")
    record WeightChoice(
            double knownUserWeight,
            double foldInUserWeight,
            @Nullable Double knownUserExponent,
            @Nullable Double foldInUserExponent,
            @Nullable @Schema(description = "Content modalities and their weights (content blend only)")
            Map<String, Double> modalities,
            @Nullable @Schema(description = "The item walk's own settings (item walk only)")
            Map<String, Object> parameters,
            @Nullable Integer neighbours,
            String chosenOn,
            int validationUsers,
            List<Trial> trials) {
    }

    /** One evaluated setting: whose users, the weight (0: the model alone) and the validation figures. */
    @Schema(name = "ModelMetricsTrial")
    record Trial(
            String users,
            double weight,
            @Nullable Double exponent,
            @Schema(name = "Recall@20") double recall20,
            @Schema(name = "NDCG@20") double ndcg20) {
    }
}
