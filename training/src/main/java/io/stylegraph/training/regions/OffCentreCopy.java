package io.stylegraph.training.regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.regions.Box;

/**
 * A harder framing of an annotated photo, for evaluation: the photo placed on a canvas {@code widen} times as wide
 * at a seeded random horizontal offset, the rest filled by repeating the photo's outermost columns, and its boxes
 * moved with it. Street photos of one data set are framed alike (a centred, full-length person); users' uploads are
 * not, and a region source that only learned the framing loses its boxes here.
 */
public final class OffCentreCopy {

    private OffCentreCopy() {
    }

    /** The copy's pixels and boxes. */
    public record Copy(RgbImage image, Map<String, List<Box>> boxes) {
    }

    public static Copy of(RgbImage photo, Map<String, List<Box>> boxes, double widen, long seed, String photoId) {
        int w = photo.width();
        int h = photo.height();
        int canvas = (int) Math.round(w * widen);
        int offset = (int) Math.round(new SplittableRandom(seed * 1_000_003L + photoId.hashCode()).nextDouble()
                * (canvas - w));
        byte[] samples = new byte[canvas * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < canvas; x++) {
                int source = Math.max(0, Math.min(w - 1, x - offset));
                for (int c = 0; c < 3; c++) {
                    samples[(y * canvas + x) * 3 + c] = (byte) photo.sample(source, y, c);
                }
            }
        }
        Map<String, List<Box>> moved = new LinkedHashMap<>();
        boxes.forEach((slot, list) -> {
            List<Box> out = new ArrayList<>(list.size());
            list.forEach(b -> out.add(new Box(b.x0() + offset, b.y0(), b.x1() + offset, b.y1())));
            moved.put(slot, out);
        });
        return new Copy(new RgbImage(canvas, h, samples), moved);
    }
}
