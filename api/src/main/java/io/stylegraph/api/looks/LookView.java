package io.stylegraph.api.looks;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.graph.repository.PhotoRepository;
import io.swagger.v3.oas.annotations.media.Schema;

/** A saved look: the photo node's properties and its FEATURES edges. */
@Serdeable
public record LookView(String photoId, @Nullable String imageUrl, @Nullable String source, @Nullable String userId,
                       @Nullable String createdAt, List<Featured> items) {

    @Serdeable
    public record Featured(String itemId, @Nullable @Schema(type = "string", allowableValues = {"top", "bottom",
            "dress", "outerwear", "shoes", "bag", "accessory", "other"}) String slot, @Nullable List<Double> box) {
    }

    static LookView of(PhotoRepository.Look look) {
        return new LookView(look.photoId(), look.image() == null ? null : "/v1/looks/" + look.photoId() + "/image",
                look.source(), look.userId(), look.createdAt(), look.items().stream()
                .map(i -> new Featured(i.itemId(), i.slot(), i.box())).toList());
    }
}
