package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stylegraph.models.image.RgbImage;
import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void shouldFitAPortraitPhotoByItsHeightAndCentreIt() {
        Letterbox box = Letterbox.of(400, 600, 640, 640);
        assertEquals(640.0 / 600, box.scale(), 1e-12);
        assertEquals((640 - 400 * 640.0 / 600) / 2, box.padX(), 1e-9);
        assertEquals(0, box.padY(), 1e-12);
    }

    @Test
    void shouldMapBoxesBackToPhotoPixels() {
        // 128x64 into 64x64: half size, 16 rows of padding above and below
        Letterbox box = Letterbox.of(128, 64, 64, 64);
        assertEquals(0.5, box.scale(), 1e-12);
        assertEquals(16, box.padY(), 1e-12);
        assertEquals(new Box(44, 16, 84, 48), box.toPhoto(new Box(22, 24, 42, 40)));
        Box photo = new Box(10, 5, 100, 60);
        Box back = box.toPhoto(box.toInput(photo));
        assertEquals(photo.x0(), back.x0(), 1e-9);
        assertEquals(photo.y1(), back.y1(), 1e-9);
        assertEquals(new Box(0, 0, 128, 10), box.toPhoto(new Box(-5, 0, 70, 21)), "clipped to the photo");
    }

    @Test
    void shouldPadWithGreyAndScaleThePicture() {
        int red = 0xFF0000;
        int[] pixels = new int[4 * 2];
        java.util.Arrays.fill(pixels, red);
        float[] chw = Letterbox.of(4, 2, 4, 4).toChw(RgbImage.fromPacked(4, 2, pixels));
        int plane = 16;
        float grey = 114 / 255f;
        // rows 0 and 3 are padding, rows 1 and 2 the photo
        for (int x = 0; x < 4; x++) {
            assertEquals(grey, chw[x], 1e-6);
            assertEquals(grey, chw[plane + 3 * 4 + x], 1e-6);
            assertEquals(1f, chw[4 + x], 1e-6);
            assertEquals(0f, chw[plane + 2 * 4 + x], 1e-6);
        }
    }
}
