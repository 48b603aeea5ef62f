package io.stylegraph.api.tryon;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.api.looks.BoxView;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of {@code POST /v1/tryon} as the OpenAPI document shows it: {@code box} and {@code keypoints}
 * typed and sent as JSON parts, so a generated client takes objects. The controller reads them as text
 * ({@link PlacementJson}), which also takes a box as {@code [x0, y0, x1, y1]}.
 */
@Schema(name = "TryOnForm")
record TryOnForm(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "A photo of a person: JPEG, PNG or WebP") String person,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String itemId,
        @Nullable Keypoints keypoints,
        @Nullable @Schema(description = "Where the garment goes, in photo pixels (x1, y1 exclusive)") BoxView box,
        @Nullable @Schema(description = "Whose try-on; else the X-User-Id header or the token's user") String userId) {

    /** Body points in photo pixels, each {@code [x, y]}, the person's left and right. */
    @Schema(name = "TryOnKeypoints", description = "A top needs shoulders and hips, trousers hips and ankles, a "
            + "dress all six")
    record Keypoints(@Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> leftShoulder,
                     @Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> rightShoulder,
                     @Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> leftHip,
                     @Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> rightHip,
                     @Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> leftAnkle,
                     @Nullable @ArraySchema(schema = @Schema(type = "number", format = "double"), minItems = 2,
                             maxItems = 2) List<Double> rightAnkle) {
    }
}
