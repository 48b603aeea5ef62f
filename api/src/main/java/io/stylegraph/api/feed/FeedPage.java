package io.stylegraph.api.feed;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.stylegraph.api.catalogue.ItemView;

/** Cards to rate; pass {@code nextCursor} back as {@code cursor} for the next page (null at the end). */
@Serdeable
public record FeedPage(String userId, List<ItemView> items, @Nullable String nextCursor) {
}
