package io.stylegraph.api.feedback;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record OpinionPage(String userId, List<OpinionView> opinions, int page, int size, long total) {
}
