package io.stylegraph.api.looks;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart forms of the look routes as the OpenAPI document shows them: the photo a required part, a saved
 * look's {@code look} part typed (sent with {@code Content-Type: application/json}, see the route's {@code encoding}),
 * so a generated client takes an object rather than JSON in a string. The controllers still read the parts as text
 * through {@code StrictJson}.
 */
final class LookForms {
    private LookForms() {
    }

    @Schema(name = "ShopTheLookForm")
    record ShopTheLook(
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "A person photo: JPEG, PNG or WebP") String image,
            // JSON text, not an array of ClientBox: openapi-generator's Kotlin client sends a list-valued form
            // field as one part per element, where the service reads one part holding the whole array
            @Nullable @Schema(type = "string", description = "A JSON array of garment regions found on the device "
                    + "(1-16 ClientBox objects, e.g. [{\"slot\": \"top\", \"x0\": 70, \"y0\": 85, \"x1\": 170, "
                    + "\"y1\": 195}]); without it the service finds the regions") String boxes) {
    }

    @Schema(name = "SaveLookForm")
    record SaveLook(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NewLook look,
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The photo: JPEG, PNG or WebP") String image) {
    }
}
