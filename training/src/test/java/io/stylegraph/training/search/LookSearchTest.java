package io.stylegraph.training.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.RegionSource;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.VectorIndex;
import org.junit.jupiter.api.Test;

class LookSearchTest {

    @Test
    void shouldHoldTheLookToAGenderWithTwoThirdsOfTheVote() {
        assertEquals(Gender.WOMEN, LookSearch.decisive(Map.of(Gender.WOMEN, 2.0, Gender.MEN, 1.0)));
        assertEquals(Gender.MEN, LookSearch.decisive(Map.of(Gender.MEN, 0.4)));
    }

    @Test
    void shouldImposeNoGenderOnANarrowWinOrNoVote() {
        assertNull(LookSearch.decisive(Map.of(Gender.WOMEN, 1.9, Gender.MEN, 1.1)));
        assertNull(LookSearch.decisive(Map.of(Gender.WOMEN, 1.0, Gender.MEN, 1.0)));
        assertNull(LookSearch.decisive(Map.of()));
        assertNull(LookSearch.decisive(Map.of(Gender.WOMEN, 0.0)));
    }

    private static BufferedImage picture(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /**
     * Four tops photographed on their own: two red women's, one red unisex, one blue men's; the look is a red top
     * above blue trousers, and only its top region is searched.
     */
    @Test
    void shouldHoldTheMatchesToTheGenderTheRedTopsVoteForTogetherWithUnisexItems() {
        try (LazyEncoders encoders = new LazyEncoders(null)) {
            Map<String, Gender> genders = Map.of("w1", Gender.WOMEN, "w2", Gender.WOMEN, "u1", Gender.UNISEX,
                    "m1", Gender.MEN);
            Map<String, Color> colours = Map.of("w1", new Color(220, 20, 20), "w2", new Color(200, 30, 30),
                    "u1", new Color(210, 25, 25), "m1", new Color(20, 30, 210));
            VectorIndex visual = new VectorIndex(Modality.VISUAL, encoders.image().modelId(),
                    encoders.image().dimension(), HnswSettings.DEFAULT, Runnable::run, DbaSettings.DEFAULT);
            List<ItemVector> vectors = new ArrayList<>();
            colours.forEach((id, colour) -> vectors.add(new ItemVector(id, Slot.TOP, genders.get(id),
                    encoders.image().encode(picture(colour, 40, 40)))));
            visual.upsert(vectors);
            Map<Modality, VectorIndex> indexes = new HashMap<>(Map.of(Modality.VISUAL, visual));
            LookSearch search = new LookSearch(new SimilaritySearch(m -> Optional.ofNullable(indexes.get(m)),
                    encoders, SearchSettings.DEFAULT), id -> Optional.ofNullable(genders.get(id)));
            BufferedImage photo = picture(new Color(20, 30, 210), 60, 120);
            Graphics2D g = photo.createGraphics();
            g.setColor(new Color(215, 22, 22));
            g.fillRect(0, 0, 60, 60);
            g.dispose();
            List<GarmentRegion> top = List.of(new GarmentRegion("top", new Box(0, 0, 60, 60), 1, RegionSource.CLIENT));

            LookSearch.Look inferred = search.shop(photo, top, 3, null);
            LookSearch.Look asked = search.shop(photo, top, 4, Gender.MEN);

            assertEquals(Gender.WOMEN, inferred.gender());
            assertEquals("inferred", inferred.genderSource());
            assertEquals(1, inferred.matches().size());
            List<String> found = inferred.matches().get(0).items().stream().map(ScoredItem::itemId).sorted().toList();
            assertEquals(List.of("u1", "w1", "w2"), found);
            assertEquals("request", asked.genderSource());
            // the red unisex top before the blue men's one, merged by score
            assertEquals(List.of("u1", "m1"), asked.matches().get(0).items().stream().map(ScoredItem::itemId)
                    .toList());
        }
    }

    @Test
    void shouldFindRegionsOnACopyOfAtMostTheFindingSideAndScaleTheBoxesBack() {
        BufferedImage photo = picture(Color.WHITE, 1600, 2400);
        List<int[]> seen = new ArrayList<>();

        List<GarmentRegion> found = LookSearch.findRegions(photo, image -> {
            seen.add(new int[] {image.width(), image.height()});
            return List.of(new GarmentRegion("top", new Box(100, 200, 300, 900), 0.9, RegionSource.CLIENT));
        });

        assertEquals(533, seen.get(0)[0]);
        assertEquals(LookSearch.FINDING_SIDE, seen.get(0)[1]);
        Box box = found.get(0).box();
        assertEquals(100 * 1600 / 533.0, box.x0(), 1e-9);
        assertEquals(600, box.y0(), 1e-9);
        assertEquals(2400, box.y1(), 1e-9, "clipped to the photo");
        assertEquals(0.9, found.get(0).confidence());
    }

    @Test
    void shouldFindRegionsOnASmallPhotoAsItIs() {
        BufferedImage photo = picture(Color.WHITE, 300, 400);
        Box box = new Box(10, 20, 30, 40);

        List<GarmentRegion> found = LookSearch.findRegions(photo, image -> List.of(
                new GarmentRegion("shoes", box, 0.5, RegionSource.CLIENT)));

        assertEquals(box, found.get(0).box());
    }
}
