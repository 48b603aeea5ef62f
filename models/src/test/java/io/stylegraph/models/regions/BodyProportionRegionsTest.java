package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stylegraph.models.image.RgbImage;
import org.junit.jupiter.api.Test;

class BodyProportionRegionsTest {

    /** A pavement-and-wall street scene (two greys, some texture) with a figure: head, shirt, trousers, shoes. */
    private static BufferedImage street(int width, int height, int personCentre, Map<String, int[]> parts) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y++) {
            int base = y < height * 0.6 ? 170 : 120;
            for (int x = 0; x < width; x++) {
                int noise = ((x * 7 + y * 13) % 11) - 5;
                int v = base + noise;
                image.setRGB(x, y, new Color(v, v, v + 8).getRGB());
            }
        }
        int unit = height / 20;
        int c = personCentre;
        parts.put("head", fill(g, new Color(224, 172, 140), c - unit, 2 * unit, c + unit, 4 * unit));
        parts.put("top", fill(g, new Color(200, 30, 40), c - 3 * unit, 4 * unit, c + 3 * unit, 10 * unit));
        parts.put("bottom", fill(g, new Color(30, 50, 160), c - 2 * unit, 10 * unit, c + 2 * unit, 17 * unit));
        parts.put("shoes", fill(g, new Color(20, 20, 20), c - 2 * unit, 17 * unit, c + 2 * unit, 18 * unit));
        g.dispose();
        return image;
    }

    private static int[] fill(Graphics2D g, Color colour, int x0, int y0, int x1, int y1) {
        g.setColor(colour);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        return new int[] {x0, y0, x1, y1};
    }

    private static Box box(int[] corners) {
        return new Box(corners[0], corners[1], corners[2], corners[3]);
    }

    private static Map<String, GarmentRegion> bySlot(List<GarmentRegion> regions) {
        return regions.stream().collect(Collectors.toMap(GarmentRegion::slot, r -> r));
    }

    @Test
    void shouldSplitACentredPersonIntoTopBottomAndShoes() {
        Map<String, int[]> parts = new java.util.HashMap<>();
        RgbImage photo = RgbImage.of(street(400, 600, 200, parts));

        Map<String, GarmentRegion> regions = bySlot(new BodyProportionRegions().find(photo));

        assertEquals(java.util.Set.of("top", "bottom", "shoes"), regions.keySet());
        for (String slot : List.of("top", "bottom")) {
            double iou = regions.get(slot).box().iou(box(parts.get(slot)));
            assertTrue(iou > 0.5, slot + " IoU " + iou + ": " + regions.get(slot));
            assertEquals(RegionSource.BODY_PROPORTIONS, regions.get(slot).source());
        }
        Box shoes = regions.get("shoes").box();
        assertTrue(shoes.y0() > 15 * 30 && shoes.y1() <= 600, "shoes at the bottom of the figure: " + shoes);
    }

    @Test
    void shouldFollowAPersonStandingOffCentreWhereFixedBoxesDoNot() {
        Map<String, int[]> parts = new java.util.HashMap<>();
        RgbImage photo = RgbImage.of(street(600, 600, 150, parts));

        Map<String, GarmentRegion> found = bySlot(new BodyProportionRegions().find(photo));
        Map<String, GarmentRegion> fixed = bySlot(new FixedProportionRegions().find(photo));

        for (String slot : List.of("top", "bottom")) {
            double foundIou = found.get(slot).box().iou(box(parts.get(slot)));
            double fixedIou = fixed.get(slot).box().iou(box(parts.get(slot)));
            assertTrue(foundIou > fixedIou + 0.2, slot + ": found " + foundIou + " vs fixed " + fixedIou);
        }
    }

    @Test
    void shouldFallBackToFixedProportionsWhenThereIsNoPerson() {
        int[] grey = new int[80 * 120];
        java.util.Arrays.fill(grey, 0x808080);
        List<GarmentRegion> regions = new BodyProportionRegions().find(RgbImage.fromPacked(80, 120, grey));

        assertEquals(3, regions.size());
        assertTrue(regions.stream().allMatch(r -> r.source() == RegionSource.FIXED_PROPORTIONS), regions.toString());
    }
}
