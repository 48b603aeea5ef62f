package io.stylegraph.models.image;

import io.stylegraph.models.image.ImageRejectedException.Reason;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /** {@link TestImages#redCorner()} as displayed for an orientation: size, and where the red square went. */
    private static void assertRedCornerTurned(DecodedImage decoded, int orientation) {
        BufferedImage image = decoded.image();
        assertEquals(orientation, decoded.exifOrientation());
        boolean swaps = orientation >= 5;
        assertEquals(swaps ? 16 : 24, image.getWidth(), "width for orientation " + orientation);
        assertEquals(swaps ? 24 : 16, image.getHeight(), "height for orientation " + orientation);
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] corners = {{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}};
        int red = switch (orientation) {
            case 1 -> 0;          // top-left, as stored
            case 3 -> 3;          // turned 180 degrees: bottom-right
            case 6 -> 1;          // turned 90 degrees clockwise: top-right
            case 8 -> 2;          // turned 90 degrees counter-clockwise: bottom-left
            default -> throw new IllegalArgumentException("no expectation for " + orientation);
        };
        for (int i = 0; i < corners.length; i++) {
            assertEquals(i == red ? RED : BLUE, image.getRGB(corners[i][0], corners[i][1]) & 0xFFFFFF,
                    "corner " + i + " for orientation " + orientation);
        }
    }

    @Test
    void shouldTurnPngsUprightFromTheirExifChunk() throws Exception {
        byte[] png = TestImages.encode(TestImages.redCorner(), "png");
        assertRedCornerTurned(decoder.decode(png), 1);
        for (int orientation : new int[] {3, 6, 8}) {
            for (boolean littleEndian : new boolean[] {false, true}) {
                byte[] exif = TestImages.exifBlock(orientation, littleEndian, false);
                assertRedCornerTurned(decoder.decode(TestImages.withPngChunk(png, "eXIf", exif, false)), orientation);
            }
        }
        // written after the image data, or with a JPEG-style Exif header inside: read all the same
        assertRedCornerTurned(decoder.decode(TestImages.withPngChunk(png, "eXIf",
                TestImages.exifBlock(6, false, false), true)), 6);
        assertRedCornerTurned(decoder.decode(TestImages.withPngChunk(png, "eXIf",
                TestImages.exifBlock(8, true, true), false)), 8);
    }

    @Test
    void shouldTurnWebpsUprightFromTheirExifChunk() throws Exception {
        // Pillow's lossless WebP of the red-corner picture: a RIFF header and one VP8L chunk
        byte[] webp = TestImages.resource("corner.webp");
        assertRedCornerTurned(decoder.decode(webp), 1);
        for (int orientation : new int[] {3, 6, 8}) {
            for (boolean littleEndian : new boolean[] {false, true}) {
                byte[] extended = TestImages.webpWithExif(webp, 24, 16,
                        TestImages.exifBlock(orientation, littleEndian, false), true);
                assertRedCornerTurned(decoder.decode(extended), orientation);
            }
        }
        assertRedCornerTurned(decoder.decode(TestImages.webpWithExif(webp, 24, 16,
                TestImages.exifBlock(3, true, true), true)), 3);
        // the VP8X flags say there is no EXIF chunk: browsers then show the picture as stored, and so do we
        assertRedCornerTurned(decoder.decode(TestImages.webpWithExif(webp, 24, 16,
                TestImages.exifBlock(6, false, false), false)), 1);
    }

    @Test
    void shouldTurnPngsAndWebpsWrittenByPillowUpright() throws Exception {
        // im.save('corner-exif6-pil.png', exif=exif) and im.save('corner-exif6-pil.webp', lossless=True, exif=exif)
        // with exif[0x0112] = 6, Pillow 12.3
        assertRedCornerTurned(decoder.decode(TestImages.resource("corner-exif6-pil.png")), 6);
        assertRedCornerTurned(decoder.decode(TestImages.resource("corner-exif6-pil.webp")), 6);
    }

    @Test
    void shouldPreferTheTwelveMonkeysJpegReader() {
        String reader = ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName();
        assertTrue(reader.startsWith("com.twelvemonkeys."), reader);
    }

    /** The four stripes of {@link CmykJpegs#STRIPE_INKS}, sampled mid-stripe, in display colours. */
    private static void assertStripes(BufferedImage image, int... expectedRgb) {
        assertTrue(image.getColorModel().getColorSpace().isCS_sRGB(), "sRGB, got " + image.getColorModel());
        for (int i = 0; i < expectedRgb.length; i++) {
            assertNear(expectedRgb[i], image.getRGB(8 * i + 4, 4));
        }
    }

    @Test
    void shouldDecodeCmykJpegsAsRgb() throws Exception {
        DecodedImage cmyk = decoder.decode(TestImages.resource("cmyk-stripes.jpg"));
        assertEquals(ImageFormat.JPEG, cmyk.format());
        assertEquals(32, cmyk.image().getWidth());
        // cyan, magenta and yellow ink, then black
        assertStripes(cmyk.image(), 0x00FFFF, 0xFF00FF, 0xFFFF00, 0x000000);
        RgbImage rgb = RgbImage.of(cmyk.image());
        assertTrue(rgb.sample(4, 4, 0) < 40 && rgb.sample(4, 4, 1) > 215 && rgb.sample(4, 4, 2) > 215);
    }

    @Test
    void shouldDecodeAdobeYcckJpegsAsRgb() throws Exception {
        assertStripes(decoder.decode(CmykJpegs.ycckStripes()).image(), 0x00FFFF, 0xFF00FF, 0xFFFF00, 0x000000);
    }

    @Test
    void shouldConvertCmykJpegsThroughTheirEmbeddedProfile() throws Exception {
        byte[] jpeg = CmykJpegs.withIccProfile(TestImages.resource("cmyk-stripes.jpg"),
                CmykJpegs.cyanMagentaSwappingProfile());
        // the profile shows cyan ink as magenta and magenta ink as cyan: proof it was applied
        assertStripes(decoder.decode(jpeg).image(), 0xFF00FF, 0x00FFFF, 0xFFFF00, 0x000000);
    }

    @Test
    void shouldConvertPicturesInOtherColourSpacesToSrgb() {
        ColorSpace cmyk = new ICC_ColorSpace(ICC_Profile.getInstance(CmykJpegs.cyanMagentaSwappingProfile()));
        ColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(2, 1), false, null);
        image.getRaster().setPixel(0, 0, new int[] {255, 0, 0, 0});   // cyan ink: magenta through this profile
        image.getRaster().setPixel(1, 0, new int[] {0, 0, 0, 0});     // no ink: white

        BufferedImage rgb = ImageDecoder.standardColours(image);
        assertTrue(rgb.getColorModel().getColorSpace().isCS_sRGB());
        assertNear(0xFF00FF, rgb.getRGB(0, 0));
        assertNear(0xFFFFFF, rgb.getRGB(1, 0));

        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        assertSame(gray, ImageDecoder.standardColours(gray));
        assertSame(argb, ImageDecoder.standardColours(argb));
    }

    @Test
    void shouldRefuseACmykJpegClaimingTooManyPixelsWithoutDecoding() {
        byte[] jpeg = TestImages.jpegClaimingSize(TestImages.resource("cmyk-stripes.jpg"), 50_000, 50_000);
        assertEquals(Reason.TOO_MANY_PIXELS, rejection(jpeg));
    }

    @Test
    void shouldKeepGrayJpegsAndPngsGray() throws Exception {
        BufferedImage gray = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                gray.getRaster().setSample(x, y, 0, x < 8 ? 60 : 200);
            }
        }
        for (String format : new String[] {"png", "jpeg"}) {
            BufferedImage decoded = decoder.decode(TestImages.encode(gray, format)).image();
            RgbImage rgb = RgbImage.of(decoded);
            int tolerance = format.equals("png") ? 0 : 6;
            for (int c = 0; c < 3; c++) {
                assertTrue(Math.abs(rgb.sample(3, 4, c) - 60) <= tolerance, format + " dark: " + rgb.sample(3, 4, c));
                assertTrue(Math.abs(rgb.sample(12, 4, c) - 200) <= tolerance, format + " light: " + rgb.sample(12, 4, c));
            }
        }
        // 16-bit gray PNG
        BufferedImage deep = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 0);
        deep.getRaster().setSample(1, 0, 0, 65535);
        assertArrayEquals(new int[] {0, 0, 0, 255, 255, 255},
                RgbImage.of(decoder.decode(TestImages.encode(deep, "png")).image()).samples());
    }

    @Test
    void shouldKeepPngTransparencyForCompositingOverWhite() throws Exception {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xFFFF0000);
        BufferedImage decoded = decoder.decode(TestImages.encode(argb, "png")).image();
        assertTrue(decoded.getColorModel().hasAlpha());
        assertArrayEquals(new int[] {255, 255, 255, 255, 0, 0}, RgbImage.onWhite(decoded).samples());
    }

    @Test
    void shouldDecodePalettePngs() throws Exception {
        IndexColorModel palette = new IndexColorModel(2, 3,
                new byte[] {(byte) 255, 0, 0}, new byte[] {0, (byte) 255, 0}, new byte[] {0, 0, (byte) 255});
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int x = 0; x < 3; x++) {
            indexed.getRaster().setSample(x, 0, 0, x);
        }
        byte[] png = TestImages.encode(indexed, "png");
        assertEquals(3, png[8 + 8 + 9]);   // IHDR colour type 3: a palette PNG
        assertArrayEquals(new int[] {255, 0, 0, 0, 255, 0, 0, 0, 255},
                RgbImage.of(decoder.decode(png).image()).samples());
    }

    @Test
    void shouldReadFromAStreamWithinTheLimit() throws Exception {
        byte[] png = TestImages.encode(TestImages.halves(4, 4, RED, BLUE), "png");
        assertEquals(4, decoder.decode(new ByteArrayInputStream(png)).image().getWidth());
    }
}
