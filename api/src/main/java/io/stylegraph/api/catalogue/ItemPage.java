package io.stylegraph.api.catalogue;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record ItemPage(List<ItemView> items, int page, int size, long total) {
}
