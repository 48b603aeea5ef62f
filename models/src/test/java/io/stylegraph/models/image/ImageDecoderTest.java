package io.stylegraph.models.image;

import io.stylegraph.models.image.ImageRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    private static void assertNear(int expectedRgb, int actualArgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int expected = (expectedRgb >> shift) & 0xFF;
            int actual = (actualArgb >> shift) & 0xFF;
            assertTrue(Math.abs(expected - actual) <= 24, String.format("expected ~%06X, got %06X", expectedRgb,
                    actualArgb & 0xFFFFFF));
        }
    }

    private Reason rejection(byte[] data) {
        return assertThrows(ImageRejectedException.class, () -> decoder.decode(data)).reason();
    }

    @Test
    void shouldDecodePngJpegAndWebp() throws Exception {
        BufferedImage halves = TestImages.halves(32, 16, RED, BLUE);

        DecodedImage png = decoder.decode(TestImages.encode(halves, "png"));
        assertEquals(ImageFormat.PNG, png.format());
        assertEquals(RED, png.image().getRGB(0, 0) & 0xFFFFFF);
        assertEquals(BLUE, png.image().getRGB(31, 15) & 0xFFFFFF);

        DecodedImage jpeg = decoder.decode(TestImages.encode(halves, "jpeg"));
        assertEquals(ImageFormat.JPEG, jpeg.format());
        assertEquals(32, jpeg.image().getWidth());
        assertNear(RED, jpeg.image().getRGB(2, 8));
        assertNear(BLUE, jpeg.image().getRGB(29, 8));

        DecodedImage webp = decoder.decode(TestImages.uniformWebp(5, 3, 0xFF00FF00));
        assertEquals(ImageFormat.WEBP, webp.format());
        assertEquals(5, webp.image().getWidth());
        assertEquals(3, webp.image().getHeight());
        assertEquals(0x00FF00, webp.image().getRGB(4, 2) & 0xFFFFFF);
    }

    @Test
    void shouldRefuseMoreBytesThanAllowed() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(1000, 1_000_000));
        byte[] png = TestImages.encode(TestImages.halves(64, 64, RED, BLUE), "png");
        byte[] padded = Arrays.copyOf(png, 1001);
        assertEquals(Reason.TOO_LARGE, assertThrows(ImageRejectedException.class, () -> small.decode(padded)).reason());

        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        };
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> small.decode(endless));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(413, e.reason().httpStatus());
    }

    @Test
    void shouldRefuseAHeaderClaimingFiftyThousandSquaredPixelsWithoutDecoding() {
        // No pixel data follows this header: decoding would fail as corrupt, so the pixel verdict comes first.
        assertEquals(Reason.TOO_MANY_PIXELS, rejection(TestImages.pngHeaderOnly(50_000, 50_000)));
        // A real JPEG whose frame header now claims 50000x50000: decoding it would need a 10 GB raster.
        byte[] jpeg = TestImages.jpegClaimingSize(TestImages.encode(TestImages.halves(16, 16, RED, BLUE), "jpeg"),
                50_000, 50_000);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> decoder.decode(jpeg));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
        assertTrue(e.getMessage().contains("50000x50000"), e.getMessage());
    }

    @Test
    void shouldRefuseOtherFormats() {
        byte[] gif = TestImages.encode(TestImages.halves(8, 8, RED, BLUE), "gif");
        assertEquals(Reason.UNSUPPORTED_FORMAT, rejection(gif));
        assertEquals(Reason.UNSUPPORTED_FORMAT, rejection("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.UNSUPPORTED_FORMAT, rejection(new byte[0]));
        assertEquals(415, Reason.UNSUPPORTED_FORMAT.httpStatus());
    }

    @Test
    void shouldReportCorruptData() {
        byte[] png = TestImages.encode(TestImages.halves(64, 64, RED, BLUE), "png");
        assertEquals(Reason.CORRUPT, rejection(Arrays.copyOf(png, 12)));
        assertEquals(Reason.CORRUPT, rejection(TestImages.pngHeaderOnly(10, 10)));
        byte[] garbled = png.clone();
        for (int i = 40; i < garbled.length - 12; i++) {
            garbled[i] = (byte) (i * 31);
        }
        assertEquals(Reason.CORRUPT, rejection(garbled));
        assertEquals(Reason.CORRUPT, rejection(Arrays.copyOf(TestImages.uniformWebp(5, 3, 0xFF00FF00), 20)));
        assertEquals(400, Reason.CORRUPT.httpStatus());
    }

    @Test
    void shouldTurnJpegsUprightFromTheirExifOrientation() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.halves(32, 16, RED, BLUE), "jpeg");
        for (boolean littleEndian : new boolean[] {false, true}) {
            // 6: stored rotated, display turned 90 degrees clockwise: the red left half becomes the top
            DecodedImage rotated = decoder.decode(TestImages.withExifOrientation(jpeg, 6, littleEndian));
            assertEquals(6, rotated.exifOrientation());
            assertEquals(16, rotated.image().getWidth());
            assertEquals(32, rotated.image().getHeight());
            assertNear(RED, rotated.image().getRGB(8, 2));
            assertNear(BLUE, rotated.image().getRGB(8, 29));
        }
        DecodedImage upsideDown = decoder.decode(TestImages.withExifOrientation(jpeg, 3, false));
        assertNear(BLUE, upsideDown.image().getRGB(2, 8));
        assertEquals(1, decoder.decode(jpeg).exifOrientation());
    }

    @Test
    void shouldReadFromAStreamWithinTheLimit() throws Exception {
        byte[] png = TestImages.encode(TestImages.halves(4, 4, RED, BLUE), "png");
        assertEquals(4, decoder.decode(new ByteArrayInputStream(png)).image().getWidth());
    }
}
