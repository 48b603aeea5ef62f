package io.stylegraph.models.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Four-channel JPEGs made at test time: Adobe YCCK written through the JDK's encoder, and a small CMYK ICC profile to
 * embed. The committed {@code images/cmyk-stripes.jpg} is the plain CMYK case, written once by Pillow 12.3:
 * <pre>
 * cmyk = Image.new('CMYK', (32, 8))
 * for i, c in enumerate([(255,0,0,0), (0,255,0,0), (0,0,255,0), (0,0,0,255)]):
 *     cmyk.paste(c, (8*i, 0, 8*i+8, 8))
 * cmyk.save('cmyk-stripes.jpg', quality=95)
 * </pre>
 * Pillow stores CMYK inverted behind an Adobe APP14 marker (transform 0), as Photoshop does.
 */
final class CmykJpegs {

    /** Ink per 8-pixel stripe of the fixture and of {@link #ycckStripes()}: cyan, magenta, yellow, black. */
    static final int[][] STRIPE_INKS = {{255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 255}};

    private CmykJpegs() {
    }

    /**
     * The fixture's four stripes as an Adobe YCCK JPEG (APP14 transform 2): the inks' C, M and Y go through the
     * JPEG YCbCr transform as if they were R, G and B, K is stored inverted (libjpeg's CMYK-to-YCCK conversion).
     */
    static byte[] ycckStripes() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 32; x++) {
                int[] ink = STRIPE_INKS[x / 8];
                double c = ink[0];
                double m = ink[1];
                double ye = ink[2];
                raster.setSample(x, y, 0, clamp(0.299 * c + 0.587 * m + 0.114 * ye));
                raster.setSample(x, y, 1, clamp(128 - 0.168736 * c - 0.331264 * m + 0.5 * ye));
                raster.setSample(x, y, 2, clamp(128 + 0.5 * c - 0.418688 * m - 0.081312 * ye));
                raster.setSample(x, y, 3, 255 - ink[3]);
            }
        }
        // Written as a bare raster, the JDK encoder stores the four channels as they are, with no marker.
        byte[] plain = writeRaster(raster);
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2};
        return ByteBuffer.allocate(plain.length + adobe.length)
                .put(plain, 0, 2).put(adobe).put(plain, 2, plain.length - 2).array();
    }

    /** Inserts an APP2 ICC_PROFILE segment (one chunk of one) after the JPEG's SOI marker. */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + name.length + 2 + profile.length;
        return ByteBuffer.allocate(jpeg.length + 2 + length)
                .put(jpeg, 0, 2)
                .put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(name).put((byte) 1).put((byte) 1)
                .put(profile)
                .put(jpeg, 2, jpeg.length - 2)
                .array();
    }

    /**
     * A valid ICC v2 CMYK output profile (4 KB: lut8 A2B0 and B2A0 tags on a 2-point grid) that deliberately shows
     * cyan ink as magenta and magenta ink as cyan. A decoder that honours the embedded profile shows the swap; one
     * that ignores it and converts naively does not.
     */
    static byte[] cyanMagentaSwappingProfile() {
        ByteBuffer toLab = lut8Header(4, 3);
        identityCurves(toLab, 4);
        for (int i = 0; i < 16; i++) {  // grid order: first input (C) varies slowest
            double c = (i >> 3) & 1;
            double m = (i >> 2) & 1;
            double y = (i >> 1) & 1;
            double k = i & 1;
            double[] lab = lab((1 - m) * (1 - k), (1 - c) * (1 - k), (1 - y) * (1 - k));  // C and M swapped
            toLab.put((byte) Math.round(lab[0] * 255 / 100)).put((byte) Math.round(lab[1] + 128))
                    .put((byte) Math.round(lab[2] + 128));
        }
        identityCurves(toLab, 3);

        // only for the profile to link both ways (ImageIO readers check that): dark to black ink, light to none
        ByteBuffer fromLab = lut8Header(3, 4);
        identityCurves(fromLab, 3);
        for (int i = 0; i < 8; i++) {
            fromLab.put(new byte[] {0, 0, 0, (byte) ((i >> 2) == 0 ? 255 : 0)});
        }
        identityCurves(fromLab, 4);

        byte[] text = "CMYK test profile, cyan and magenta swapped".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer desc = ByteBuffer.allocate(12 + text.length + 1 + 8 + 3 + 67)
                .put(ascii("desc")).putInt(0).putInt(text.length + 1).put(text);
        ByteBuffer whitePoint = ByteBuffer.allocate(20).put(ascii("XYZ ")).putInt(0).put(d50());

        String[] signatures = {"desc", "wtpt", "A2B0", "B2A0"};
        byte[][] tags = {desc.array(), whitePoint.array(), toLab.array(), fromLab.array()};
        int offset = 128 + 4 + 12 * tags.length;
        int size = offset;
        for (byte[] tag : tags) {
            size += (tag.length + 3) & ~3;
        }
        ByteBuffer profile = ByteBuffer.allocate(size);
        profile.putInt(size).putInt(0).putInt(0x02100000).put(ascii("prtr")).put(ascii("CMYK")).put(ascii("Lab "));
        profile.position(36).put(ascii("acsp"));
        profile.position(68).put(d50());
        profile.position(128).putInt(tags.length);
        for (int i = 0; i < tags.length; i++) {
            profile.put(ascii(signatures[i])).putInt(offset).putInt(tags[i].length);
            offset += (tags[i].length + 3) & ~3;
        }
        for (byte[] tag : tags) {
            profile.put(tag).position((profile.position() + 3) & ~3);
        }
        return profile.array();
    }

    private static ByteBuffer lut8Header(int inputs, int outputs) {
        int gridPoints = 1 << inputs;
        ByteBuffer lut = ByteBuffer.allocate(48 + inputs * 256 + gridPoints * outputs + outputs * 256);
        lut.put(ascii("mft1")).putInt(0).put((byte) inputs).put((byte) outputs).put((byte) 2).put((byte) 0);
        for (int i = 0; i < 9; i++) {
            lut.putInt(i % 4 == 0 ? 0x10000 : 0);  // identity matrix, s15Fixed16
        }
        return lut;
    }

    private static void identityCurves(ByteBuffer lut, int channels) {
        for (int c = 0; c < channels; c++) {
            for (int v = 0; v < 256; v++) {
                lut.put((byte) v);
            }
        }
    }

    /** CIE L*a*b* (D50) of an sRGB colour with linear components 0 or 1. */
    private static double[] lab(double r, double g, double b) {
        double x = (0.4360747 * r + 0.3850649 * g + 0.1430804 * b) / 0.9642;
        double y = 0.2225045 * r + 0.7168786 * g + 0.0606169 * b;
        double z = (0.0139322 * r + 0.0971045 * g + 0.7141733 * b) / 0.8249;
        double fx = labF(x);
        double fy = labF(y);
        double fz = labF(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double labF(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static byte[] d50() {
        return ByteBuffer.allocate(12).putInt(fixed(0.9642)).putInt(fixed(1.0)).putInt(fixed(0.8249)).array();
    }

    private static int fixed(double value) {
        return (int) Math.round(value * 65536);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The JDK's own encoder: TwelveMonkeys' writer wraps it, but this keeps the bytes independent of that. */
    private static byte[] writeRaster(Raster raster) {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter candidate = writers.next();
            if (writer == null || candidate.getClass().getName().startsWith("com.sun.imageio")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("no JPEG writer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
