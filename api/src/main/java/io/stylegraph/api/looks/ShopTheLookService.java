package io.stylegraph.api.looks;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.search.EmbeddingJob;
import io.stylegraph.api.search.SearchHit;
import io.stylegraph.api.search.SimilarityService;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.training.search.LookSearch;
import jakarta.inject.Singleton;

/**
 * Shop the look over the serving indexes and the catalogue: the garment regions of a photo (the client's boxes, else
 * {@link GarmentRegions}) searched by {@link LookSearch}, the matches as catalogue items.
 */
@Singleton
public class ShopTheLookService {
    private final GarmentRegions regions;
    private final ClientBoxes clientBoxes;
    private final CatalogueCache catalogue;
    private final EmbeddingJob embeddings;
    private final LookSearch search;

    public ShopTheLookService(GarmentRegions regions, ClientBoxes clientBoxes, SimilarityService similarity,
                              CatalogueCache catalogue, EmbeddingJob embeddings) {
        this.regions = regions;
        this.clientBoxes = clientBoxes;
        this.catalogue = catalogue;
        this.embeddings = embeddings;
        this.search = new LookSearch(similarity, id -> catalogue.find(id).map(item -> item.item().gender()));
    }

    public ShopTheLookResult shop(BufferedImage photo, @Nullable String boxesJson, int k, @Nullable Gender gender) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        List<GarmentRegion> found = boxesJson != null ? clientBoxes.parse(boxesJson, width, height)
                : LookSearch.findRegions(photo, regions::find);
        LookSearch.Look look = search.shop(photo, found, k, gender);
        List<RegionMatches> matches = new ArrayList<>(found.size());
        for (LookSearch.Match match : look.matches()) {
            GarmentRegion region = match.region();
            List<SearchHit> hits = match.items().stream()
                    .flatMap(scored -> catalogue.find(scored.itemId()).stream()
                            .map(item -> new SearchHit(scored.score(), ItemView.of(item))))
                    .toList();
            matches.add(new RegionMatches(region.slot(), BoxView.of(region.box()), region.confidence(),
                    region.source().wireName(), hits));
        }
        return new ShopTheLookResult(matches, look.gender() == null ? null : look.gender().wireName(),
                look.genderSource(), width, height, k, embeddings.status().indexing());
    }
}
