package io.stylegraph.api.catalogue;

import io.micronaut.http.multipart.CompletedFileUpload;
import io.stylegraph.graph.repository.RatedItem;

/**
 * Adds one item to the running catalogue ({@code POST /v1/items}). The catalogue owns the route; the work (storing
 * the picture, embedding the item, adding it to the search indexes) belongs to {@code api.search}, which implements
 * this, so the catalogue does not depend on search.
 */
public interface ItemAdditions {

    /**
     * @param fields the validated {@code item} part
     * @param image  the {@code image} part, not yet decoded
     * @return the item as the served catalogue now holds it
     */
    RatedItem add(NewItem fields, CompletedFileUpload image);
}
