package io.stylegraph.models.preprocess;

import io.stylegraph.models.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each preprocessing step against values worked out by hand (PIL's resize arithmetic, torchvision's crop rules).
 */
class PreprocessingTest {

    private final Preprocessing siglip = Preprocessing.fashionSigLip(224);

    private static RgbImage grayRow(int... levels) {
        int[] packed = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            packed[i] = levels[i] * 0x010101;
        }
        return RgbImage.fromPacked(levels.length, 1, packed);
    }

    private static int[] reds(RgbImage image) {
        int[] out = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out[y * image.width() + x] = image.sample(x, y, 0);
            }
        }
        return out;
    }

    @Test
    void shouldShrinkWithAWidenedBicubicKernelAsPilDoes() {
        // 4 -> 2: scale 2, kernel support 2 * 2 = 4 input pixels each side. Output 0 is centred on x = 1.0 and
        // weighs inputs 0..3 with cubic(-0.25), cubic(0.25), cubic(0.75), cubic(1.25) (a = -0.5)
        //   = 0.8671875, 0.8671875, 0.2265625, -0.0703125  (sum 1.890625)
        // (0 * .8671875 + 100 * .8671875 + 200 * .2265625 - 255 * .0703125) / 1.890625 = 60.35 -> 60.
        // Output 1 (centre 3.0) mirrors the weights: (100 * .2265625 + 200 * .8671875 + 255 * .8671875) / 1.890625
        //   = 220.68 -> 221.
        RgbImage out = siglip.resize(grayRow(0, 100, 200, 255), 2, 1);
        assertArrayEquals(new int[] {60, 221}, reds(out));
    }

    @Test
    void shouldEnlargeWithOvershootClampedTo255() {
        // 2 -> 4: scale 0.5, support 2. Centres 0.25, 0.75, 1.25, 1.75 weigh pixels (0, 255) with
        //   (0.8671875, -0.0703125) -> -22.5 -> 0;   (0.8671875, 0.2265625) -> 255 * .2265625 / 1.09375 = 52.8 -> 53;
        //   (0.2265625, 0.8671875) -> 202.2 -> 202;  (-0.0703125, 0.8671875) -> 277.5 -> 255.
        assertArrayEquals(new int[] {0, 53, 202, 255}, reds(siglip.resize(grayRow(0, 255), 4, 1)));
    }

    @Test
    void shouldResizeColumnsTheSameWayAsRows() {
        RgbImage column = RgbImage.fromPacked(1, 4, 0, 100 * 0x010101, 200 * 0x010101, 255 * 0x010101);
        assertArrayEquals(new int[] {60, 221}, reds(siglip.resize(column, 1, 2)));
    }

    @Test
    void shouldShrinkBilinearlyWithATriangleKernel() {
        // support 1 * 2; output 0 weighs inputs 0..2 by 0.75, 0.75, 0.25 -> (75 + 50) / 1.75 = 71.4 -> 71;
        // output 1 weighs inputs 1..3 by 0.25, 0.75, 0.75 -> (25 + 150 + 191.25) / 1.75 = 209.3 -> 209.
        Resampler bilinear = new Resampler(ResampleFilter.BILINEAR);
        assertArrayEquals(new int[] {71, 209}, reds(bilinear.resize(grayRow(0, 100, 200, 255), 2, 1)));
    }

    @Test
    void shouldLeaveAnImageOfTheTargetSizeUntouched() {
        RgbImage image = RgbImage.fromPacked(2, 2, 0x102030, 0x405060, 0x708090, 0xA0B0C0);
        assertArrayEquals(image.samples(), siglip.resize(image, 2, 2).samples());
    }

    @Test
    void shouldResizeTheShortestSideKeepingTheAspectTruncated() {
        RgbImage wide = RgbImage.fromPacked(301, 200, new int[301 * 200]);
        RgbImage resized = siglip.resizeShortestSide(wide, 224);
        // 224 * 301 / 200 = 337.12 -> 337
        assertEquals(337, resized.width());
        assertEquals(224, resized.height());
    }

    private static RgbImage numbered(int width, int height) {
        int[] packed = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                packed[y * width + x] = (10 * y + x + 1) << 16;
            }
        }
        return RgbImage.fromPacked(width, height, packed);
    }

    @Test
    void shouldCropTheCentreRoundingOffsetsHalfToEven() {
        // 5x4 -> 2x2: left = round(1.5) = 2, top = round(1.0) = 1
        assertArrayEquals(new int[] {13, 14, 23, 24}, reds(Preprocessing.centerCrop(numbered(5, 4), 2, 2)));
        // 5x4 -> 4x3: left = round(0.5) = 0, top = round(0.5) = 0 (Python rounds half to even)
        assertArrayEquals(new int[] {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24},
                reds(Preprocessing.centerCrop(numbered(5, 4), 4, 3)));
    }

    @Test
    void shouldPadWithBlackWhenTheCropIsLargerThanTheImage() {
        // 2x2 -> 3x3: torchvision pads (3 - 2) // 2 = 0 before and 1 after
        assertArrayEquals(new int[] {1, 2, 0, 11, 12, 0, 0, 0, 0}, reds(Preprocessing.centerCrop(numbered(2, 2), 3, 3)));
        // 2x2 -> 4x4: one pixel of padding on every side
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 2, 0, 0, 11, 12, 0, 0, 0, 0, 0},
                reds(Preprocessing.centerCrop(numbered(2, 2), 4, 4)));
    }

    @Test
    void shouldNormalizeWithPerChannelMeanAndStd() {
        RgbImage pixel = RgbImage.fromPacked(1, 1, (51 << 16) | (102 << 8) | 255);
        // SigLIP: (51/255 - 0.5) / 0.5 = -0.6, (102/255 - 0.5) / 0.5 = -0.2, (1 - 0.5) / 0.5 = 1
        assertArrayEquals(new float[] {-0.6f, -0.2f, 1f}, siglip.normalize(pixel), 1e-6f);
        Preprocessing other = new Preprocessing(1, 1, ResizeMode.SQUASH, ResampleFilter.BICUBIC,
                new float[] {0.4f, 0.5f, 0.6f}, new float[] {0.2f, 0.25f, 0.5f});
        // (0.2 - 0.4) / 0.2 = -1, (0.4 - 0.5) / 0.25 = -0.4, (1 - 0.6) / 0.5 = 0.8
        assertArrayEquals(new float[] {-1f, -0.4f, 0.8f}, other.normalize(pixel), 1e-6f);
        assertArrayEquals(new float[] {-1f, -1f, -1f}, siglip.normalize(RgbImage.fromPacked(1, 1, 0)), 1e-6f);
    }

    @Test
    void shouldLayOutABatchAsPlanarNchw() {
        float[] first = {1, 2, 3, 4, 5, 6};      // two pixels, r g b each
        float[] second = {7, 8, 9, 10, 11, 12};
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12},
                Preprocessing.toNchw(List.of(first, second), 2, 1));
    }

    @Test
    void shouldRunTheWholePipelineToTheInputSize() {
        BufferedImage photo = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                photo.setRGB(x, y, 0xFF0000);
            }
        }
        float[] squashed = siglip.toNchw(List.of(photo, photo));
        assertEquals(2 * 3 * 224 * 224, squashed.length);
        assertEquals(1f, squashed[0], 1e-6f);                 // red plane of a red picture
        assertEquals(-1f, squashed[224 * 224], 1e-6f);        // green plane
        Preprocessing clip = new Preprocessing(224, 224, ResizeMode.SHORTEST, ResampleFilter.BICUBIC,
                new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
        assertEquals(3 * 224 * 224, clip.toNchw(List.of(photo)).length);
    }
}
