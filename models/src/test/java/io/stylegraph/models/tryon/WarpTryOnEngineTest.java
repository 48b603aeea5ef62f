package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class WarpTryOnEngineTest {
    private final WarpTryOnEngine engine = new WarpTryOnEngine();

    /** Pixels the try-on changed, and how many of them lie outside the region. */
    private record Changes(long changed, long outside) {
    }

    private static Changes changes(BufferedImage before, BufferedImage after, Quad region) {
        long changed = 0;
        long outside = 0;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if ((before.getRGB(x, y) & 0xFFFFFF) != (after.getRGB(x, y) & 0xFFFFFF)) {
                    changed++;
                    outside += region.contains(x + 0.5, y + 0.5) ? 0 : 1;
                }
            }
        }
        return new Changes(changed, outside);
    }

    @Test
    void shouldPutTheGarmentInsideTheBoxAndLeaveTheRestOfThePhoto() {
        BufferedImage person = TryOnPictures.person(160, 240);
        Quad box = Quad.box(40, 50, 120, 130);
        BufferedImage result = engine.composite(new TryOnRequest(person, TryOnPictures.product(100, 120),
                GarmentKind.UPPER, Placement.box(box)));

        assertEquals(160, result.getWidth());
        assertEquals(240, result.getHeight());
        Changes changes = changes(person, result, box);
        assertEquals(0, changes.outside(), "no pixel outside the box changed");
        assertTrue(changes.changed() > 0.5 * 80 * 80, "most of the box shows the garment: " + changes.changed());
        assertEquals(TryOnPictures.SHIRT, result.getRGB(80, 70) & 0xFFFFFF, "shirt colour at the chest");
    }

    @Test
    void shouldFitToTheTorsoFromKeypoints() {
        BufferedImage person = TryOnPictures.person(200, 300);
        BodyKeypoints keypoints = new BodyKeypoints(new Point(130, 70), new Point(70, 70), new Point(120, 160),
                new Point(80, 160), new Point(115, 280), new Point(85, 280));
        Quad torso = keypoints.regionFor(GarmentKind.UPPER);
        BufferedImage result = engine.composite(new TryOnRequest(person, TryOnPictures.product(100, 120),
                GarmentKind.UPPER, Placement.keypoints(keypoints)));

        Changes changes = changes(person, result, torso);
        assertEquals(0, changes.outside());
        assertTrue(torso.minY() < 70 && torso.maxY() <= 160.5, "shoulders to hips: " + torso);
        assertTrue(changes.changed() > 1000);
    }

    @Test
    void shouldEstimateTheRegionWhenNothingIsGiven() {
        BufferedImage person = TryOnPictures.person(200, 300);
        BufferedImage result = engine.composite(new TryOnRequest(person, TryOnPictures.product(100, 120),
                GarmentKind.LOWER, null));

        Quad legs = BodyProportions.regionFor(GarmentKind.LOWER, 200, 300);
        Changes changes = changes(person, result, legs);
        assertEquals(0, changes.outside());
        assertTrue(changes.changed() > 0);
    }

    @Test
    void shouldGiveTheSameBytesForTheSameInput() throws TryOnException {
        TryOnRequest request = new TryOnRequest(TryOnPictures.person(120, 180), TryOnPictures.product(90, 100),
                GarmentKind.FULL_BODY, null);
        TryOnImage first = engine.render(request);
        TryOnImage second = engine.render(request);

        assertEquals("image/png", first.mediaType());
        assertArrayEquals(first.bytes(), second.bytes());
    }

    @Test
    void shouldFailClearlyOnACollapsedRegion() {
        TryOnRequest request = new TryOnRequest(TryOnPictures.person(100, 100), TryOnPictures.product(50, 50),
                GarmentKind.UPPER, Placement.box(Quad.box(150, 150, 200, 200)));
        TryOnException e = assertThrows(TryOnException.class, () -> engine.render(request));
        assertEquals("tryon-bad-region", e.code());
    }

    @Test
    void shouldDressRealStreetPhotosWithRealProductPhotos() throws IOException, TryOnException {
        Path ccp = TryOnPictures.dataset("clothing-co-parsing");
        Path hm = TryOnPictures.dataset("hm").resolve("images");
        List<String[]> tops = new ArrayList<>();
        for (String line : Files.readAllLines(ccp.resolve("boxes.csv"))) {
            String[] fields = line.split(",");
            if (fields[1].equals("top") && tops.size() < 4) {
                tops.add(fields);
            }
        }
        String[] garments = {"0490793010", "0813519001", "0552743021", "0753279001"};
        for (int i = 0; i < tops.size(); i++) {
            String[] row = tops.get(i);
            BufferedImage person = TryOnPictures.read(ccp.resolve("photos").resolve(row[0] + ".jpg"));
            Quad box = Quad.box(Double.parseDouble(row[2]), Double.parseDouble(row[3]), Double.parseDouble(row[4]),
                    Double.parseDouble(row[5]));
            TryOnRequest request = new TryOnRequest(person, TryOnPictures.read(hm.resolve(garments[i] + ".jpg")),
                    GarmentKind.UPPER, Placement.box(box));
            TryOnImage image = engine.render(request);
            BufferedImage result = ImageIO.read(new ByteArrayInputStream(image.bytes()));

            assertEquals(person.getWidth(), result.getWidth(), row[0]);
            assertEquals(person.getHeight(), result.getHeight(), row[0]);
            Changes changes = changes(person, result, box);
            assertEquals(0, changes.outside(), row[0] + ": the photo outside the top's box is unchanged");
            double boxArea = (box.maxX() - box.minX()) * (box.maxY() - box.minY());
            assertTrue(changes.changed() > 0.3 * boxArea, row[0] + ": the garment covers the box ("
                    + changes.changed() + " of " + boxArea + " pixels)");
            assertArrayEquals(image.bytes(), engine.render(request).bytes(), row[0] + ": deterministic");
        }
    }
}
