package io.stylegraph.api.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of {@code POST /v1/items} as the OpenAPI document shows it: the {@code item} part typed and sent
 * as JSON, so a generated client takes a {@link NewItem}. The controller reads the part as text through
 * {@code StrictJson}.
 */
@Schema(name = "NewItemForm")
record NewItemForm(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NewItem item,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The item's photo: JPEG, PNG or WebP") String image) {
}
