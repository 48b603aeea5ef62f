package io.stylegraph.api.looks;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.api.catalogue.CatalogueCache;
import io.stylegraph.api.catalogue.ItemView;
import io.stylegraph.api.search.EmbeddingJob;
import io.stylegraph.api.search.SearchHit;
import io.stylegraph.api.search.SimilarityService;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import jakarta.inject.Singleton;

/**
 * Shop the look: finds the garment regions of a photo (the client's boxes, else {@link GarmentRegions}), encodes a
 * crop of each with the serving image encoder, and searches the visual index within the region's slot. Results are
 * kept gender-consistent: the requested gender, or else the gender the regions' best matches mostly have, each
 * together with unisex items.
 */
@Singleton
public class ShopTheLookService {
    /** Share of the summed similarity a gender needs before the look is held to it. */
    static final double INFERRED_GENDER_SHARE = 2.0 / 3;
    static final int FINDING_SIDE = 800;

    private final GarmentRegions regions;
    private final ClientBoxes clientBoxes;
    private final SimilarityService similarity;
    private final CatalogueCache catalogue;
    private final EmbeddingJob embeddings;

    public ShopTheLookService(GarmentRegions regions, ClientBoxes clientBoxes, SimilarityService similarity,
                              CatalogueCache catalogue, EmbeddingJob embeddings) {
        this.regions = regions;
        this.clientBoxes = clientBoxes;
        this.similarity = similarity;
        this.catalogue = catalogue;
        this.embeddings = embeddings;
    }

    public ShopTheLookResult shop(BufferedImage photo, @Nullable String boxesJson, int k, @Nullable Gender gender) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        List<GarmentRegion> found = boxesJson != null ? clientBoxes.parse(boxesJson, width, height)
                : findRegions(photo);
        List<float[]> vectors = new ArrayList<>(found.size());
        for (GarmentRegion region : found) {
            int[] px = region.box().pixels(width, height);
            vectors.add(similarity.encodeImage(photo.getSubimage(px[0], px[1], px[2] - px[0], px[3] - px[1])));
        }
        Gender look = gender != null ? gender : inferGender(found, vectors, k);
        String genderSource = gender != null ? "request" : look != null ? "inferred" : null;
        List<RegionMatches> matches = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            GarmentRegion region = found.get(i);
            List<SearchHit> hits = search(vectors.get(i), slot(region), look, k).stream()
                    .flatMap(scored -> catalogue.find(scored.itemId()).stream()
                            .map(item -> new SearchHit(scored.score(), ItemView.of(item))))
                    .toList();
            matches.add(new RegionMatches(region.slot(), BoxView.of(region.box()), region.confidence(),
                    region.source().wireName(), hits));
        }
        return new ShopTheLookResult(matches, look == null ? null : look.wireName(), genderSource, width, height, k,
                embeddings.status().indexing());
    }

    /**
     * Regions found on a copy at most {@link #FINDING_SIDE} pixels on its long side (detectors take 640, the built-in
     * rules 160 rows), so a 24-megapixel upload is not converted whole; boxes are scaled back to the photo.
     */
    private List<GarmentRegion> findRegions(BufferedImage photo) {
        double scale = Math.min(1.0, (double) FINDING_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        if (scale >= 1) {
            return regions.find(RgbImage.of(photo));
        }
        int w = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        double sx = (double) photo.getWidth() / w;
        double sy = (double) photo.getHeight() / h;
        return regions.find(RgbImage.of(small)).stream().map(r -> new GarmentRegion(r.slot(),
                new Box(r.box().x0() * sx, r.box().y0() * sy, r.box().x1() * sx, r.box().y1() * sy)
                        .clip(photo.getWidth(), photo.getHeight()), r.confidence(), r.source())).toList();
    }

    private static Slot slot(GarmentRegion region) {
        return Slot.parse(region.slot()).orElse(null);
    }

    /** Within the slot, items of {@code gender} and unisex items merged by score; any gender when null. */
    private List<ScoredItem> search(float[] vector, Slot slot, @Nullable Gender gender, int k) {
        if (gender == null || gender == Gender.UNISEX) {
            return similarity.byImageVector(vector, new SearchFilter(slot, gender, null), k);
        }
        return Stream.concat(similarity.byImageVector(vector, new SearchFilter(slot, gender, null), k).stream(),
                        similarity.byImageVector(vector, new SearchFilter(slot, Gender.UNISEX, null), k).stream())
                .sorted(Comparator.comparingDouble(ScoredItem::score).reversed())
                .limit(k)
                .toList();
    }

    /**
     * The gender with the highest summed score among every region's top k of any gender (unisex does not vote), when
     * it holds at least {@link #INFERRED_GENDER_SHARE} of the vote; otherwise none. Image features without a notion of
     * gender (the built-in descriptor) split the vote, and holding a woman's look to men's items on a narrow win is
     * worse than not holding it at all.
     */
    private @Nullable Gender inferGender(List<GarmentRegion> found, List<float[]> vectors, int k) {
        Map<Gender, Double> votes = new EnumMap<>(Gender.class);
        for (int i = 0; i < found.size(); i++) {
            for (ScoredItem scored : similarity.byImageVector(vectors.get(i),
                    new SearchFilter(slot(found.get(i)), null, null), k)) {
                catalogue.find(scored.itemId()).map(item -> item.item().gender())
                        .filter(g -> g != Gender.UNISEX)
                        .ifPresent(g -> votes.merge(g, Math.max(0.0, scored.score()), Double::sum));
            }
        }
        return decisive(votes);
    }

    /** The gender holding at least {@link #INFERRED_GENDER_SHARE} of the summed votes, or null. */
    static @Nullable Gender decisive(Map<Gender, Double> votes) {
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> total > 0 && best.getValue() >= INFERRED_GENDER_SHARE * total)
                .map(Map.Entry::getKey).orElse(null);
    }
}
