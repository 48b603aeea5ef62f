package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GarmentCutoutTest {

    @Test
    void shouldCropToTheGarmentAndDropTheBackdrop() {
        BufferedImage product = TryOnPictures.product(200, 240);
        GarmentCutout.Cutout cutout = GarmentCutout.cut(product);

        assertTrue(cutout.backgroundRemoved());
        BufferedImage image = cutout.image();
        // the garment spans x 20..180, y 48..216 of the product photo
        assertEquals(160, image.getWidth(), 2);
        assertEquals(168, image.getHeight(), 2);
        int centre = image.getRGB(image.getWidth() / 2, image.getHeight() / 4);
        assertEquals(255, centre >>> 24, "inside the garment is opaque");
        assertEquals(TryOnPictures.SHIRT, centre & 0xFFFFFF);
        // the top-left corner of the crop lies beside the sleeve: backdrop, transparent
        assertEquals(0, image.getRGB(image.getWidth() / 8, image.getHeight() - 3) >>> 24);
    }

    @Test
    void shouldKeepLightPartsInsideTheGarment() {
        BufferedImage image = GarmentCutout.cut(TryOnPictures.product(200, 240)).image();
        // the white logo is as light as the backdrop but enclosed by the shirt
        int logo = image.getRGB(100 - 20, 132 - 48);
        assertEquals(255, logo >>> 24);
        assertEquals(TryOnPictures.LOGO, logo & 0xFFFFFF);
    }

    @Test
    void shouldFadeTheEdgeSoftly() {
        BufferedImage image = GarmentCutout.cut(TryOnPictures.product(300, 300)).image();
        int row = image.getHeight() * 3 / 4;
        int partial = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int alpha = image.getRGB(x, row) >>> 24;
            partial += alpha > 0 && alpha < 255 ? 1 : 0;
        }
        assertTrue(partial >= 2, "the shirt's left and right edges are partly transparent");
    }

    @Test
    void shouldKeepAWholePhotoWhoseBorderIsNoBackdrop() {
        BufferedImage scene = new BufferedImage(120, 100, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 120; x++) {
                scene.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        GarmentCutout.Cutout cutout = GarmentCutout.cut(scene);

        assertFalse(cutout.backgroundRemoved());
        assertEquals(120, cutout.image().getWidth());
        assertEquals(255, cutout.image().getRGB(60, 50) >>> 24);
        assertTrue((cutout.image().getRGB(0, 0) >>> 24) < 128, "the photo's frame is feathered out");
    }

    @Test
    void shouldRemoveTheStudioBackdropOfRealProductPhotos() {
        Path images = TryOnPictures.dataset("hm").resolve("images");
        // upper-body garments of the sample: hoodie, T-shirt, blouse, sweater, cardigan
        for (String article : List.of("0813519001", "0490793010", "0753279001", "0552743021", "0255396018")) {
            BufferedImage product = TryOnPictures.read(images.resolve(article + ".jpg"));
            GarmentCutout.Cutout cutout = GarmentCutout.cut(product);
            assertTrue(cutout.backgroundRemoved(), article + ": backdrop removed");
            BufferedImage image = cutout.image();
            long opaque = 0;
            long transparent = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int alpha = image.getRGB(x, y) >>> 24;
                    opaque += alpha == 255 ? 1 : 0;
                    transparent += alpha == 0 ? 1 : 0;
                }
            }
            double area = (double) image.getWidth() * image.getHeight();
            double kept = (double) image.getWidth() * image.getHeight() / (product.getWidth() * product.getHeight());
            assertTrue(kept < 0.95, article + ": cropped to the garment (" + kept + " of the photo)");
            assertTrue(opaque / area > 0.3, article + ": the garment is mostly opaque (" + opaque / area + ")");
            assertTrue(transparent > 0, article + ": some backdrop inside the crop is transparent");
        }
    }
}
