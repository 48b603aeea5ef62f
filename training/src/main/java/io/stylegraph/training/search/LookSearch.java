package io.stylegraph.training.search;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;

/**
 * Shop the look: encodes a crop of each garment region of a photo with the serving image encoder and searches the
 * visual index within the region's slot. Results are kept gender-consistent: the requested gender, or else the gender
 * the regions' best matches mostly have, each together with unisex items.
 */
public final class LookSearch {
    /** Share of the summed similarity a gender needs before the look is held to it. */
    public static final double INFERRED_GENDER_SHARE = 2.0 / 3;
    /** Long side, in pixels, of the copy regions are found on. */
    public static final int FINDING_SIDE = 800;

    private final SimilaritySearch similarity;
    private final Function<String, Optional<Gender>> genders;

    /** @param genders an item's gender, empty for an item not in the catalogue */
    public LookSearch(SimilaritySearch similarity, Function<String, Optional<Gender>> genders) {
        this.similarity = similarity;
        this.genders = genders;
    }

    /** A region and its best matches, best first. */
    public record Match(GarmentRegion region, List<ScoredItem> items) {
    }

    /**
     * @param gender       the gender the matches were held to (with unisex items), null when none
     * @param genderSource {@code request}, {@code inferred}, or null when no gender was held to
     */
    public record Look(List<Match> matches, Gender gender, String genderSource) {
    }

    /**
     * The top k matches of each region.
     *
     * @param gender the shopper's gender, or null to infer one from the matches ({@link #decisive})
     */
    public Look shop(BufferedImage photo, List<GarmentRegion> regions, int k, Gender gender) {
        List<float[]> vectors = new ArrayList<>(regions.size());
        for (GarmentRegion region : regions) {
            int[] px = region.box().pixels(photo.getWidth(), photo.getHeight());
            vectors.add(similarity.encodeImage(photo.getSubimage(px[0], px[1], px[2] - px[0], px[3] - px[1])));
        }
        Gender look = gender != null ? gender : inferGender(regions, vectors, k);
        String genderSource = gender != null ? "request" : look != null ? "inferred" : null;
        List<Match> matches = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            matches.add(new Match(regions.get(i), search(vectors.get(i), slot(regions.get(i)), look, k)));
        }
        return new Look(matches, look, genderSource);
    }

    /**
     * Regions found on a copy at most {@link #FINDING_SIDE} pixels on its long side (detectors take 640, the built-in
     * rules 160 rows), so a 24-megapixel upload is not converted whole; boxes are scaled back to the photo.
     */
    public static List<GarmentRegion> findRegions(BufferedImage photo,
                                                  Function<RgbImage, List<GarmentRegion>> finder) {
        double scale = Math.min(1.0, (double) FINDING_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        if (scale >= 1) {
            return finder.apply(RgbImage.of(photo));
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
        return finder.apply(RgbImage.of(small)).stream().map(r -> new GarmentRegion(r.slot(),
                new Box(r.box().x0() * sx, r.box().y0() * sy, r.box().x1() * sx, r.box().y1() * sy)
                        .clip(photo.getWidth(), photo.getHeight()), r.confidence(), r.source())).toList();
    }

    private static Slot slot(GarmentRegion region) {
        return Slot.parse(region.slot()).orElse(null);
    }

    /** Within the slot, items of {@code gender} and unisex items merged by score; any gender when null. */
    private List<ScoredItem> search(float[] vector, Slot slot, Gender gender, int k) {
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
    private Gender inferGender(List<GarmentRegion> found, List<float[]> vectors, int k) {
        Map<Gender, Double> votes = new EnumMap<>(Gender.class);
        for (int i = 0; i < found.size(); i++) {
            for (ScoredItem scored : similarity.byImageVector(vectors.get(i),
                    new SearchFilter(slot(found.get(i)), null, null), k)) {
                genders.apply(scored.itemId())
                        .filter(g -> g != Gender.UNISEX)
                        .ifPresent(g -> votes.merge(g, Math.max(0.0, scored.score()), Double::sum));
            }
        }
        return decisive(votes);
    }

    /** The gender holding at least {@link #INFERRED_GENDER_SHARE} of the summed votes, or null. */
    public static Gender decisive(Map<Gender, Double> votes) {
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        return votes.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(best -> total > 0 && best.getValue() >= INFERRED_GENDER_SHARE * total)
                .map(Map.Entry::getKey).orElse(null);
    }
}
