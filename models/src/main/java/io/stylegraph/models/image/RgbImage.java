package io.stylegraph.models.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * An 8-bit RGB picture as interleaved samples ({@code r, g, b} per pixel, row by row), the form the
 * preprocessing steps and descriptors compute on. Three bytes per pixel, so a large upload costs little more
 * than its decoded raster.
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final byte[] samples;

    /** Takes ownership of {@code samples}: {@code width * height * 3} unsigned bytes. */
    public RgbImage(int width, int height, byte[] samples) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image must have pixels, got " + width + "x" + height);
        }
        if (samples.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " samples, got " + samples.length);
        }
        this.width = width;
        this.height = height;
        this.samples = samples;
    }

    /** Drops any alpha channel, as PIL's {@code convert("RGB")} does (the reference pipeline of the ONNX models). */
    public static RgbImage of(BufferedImage image) {
        return convert(image, false);
    }

    /** Composites any alpha channel over white, so transparent product cut-outs look like studio shots. */
    public static RgbImage onWhite(BufferedImage image) {
        return convert(image, true);
    }

    /** Builds an image from packed {@code 0xRRGGBB} values, row by row; mostly for tests. */
    public static RgbImage fromPacked(int width, int height, int... rgb) {
        byte[] samples = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            samples[3 * i] = (byte) (rgb[i] >> 16);
            samples[3 * i + 1] = (byte) (rgb[i] >> 8);
            samples[3 * i + 2] = (byte) rgb[i];
        }
        return new RgbImage(width, height, samples);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Sample of channel {@code c} (0 red, 1 green, 2 blue) at column {@code x}, row {@code y}. */
    public int sample(int x, int y, int c) {
        return samples[(y * width + x) * 3 + c] & 0xFF;
    }

    /** Sample at a position of the interleaved order: {@code (y * width + x) * 3 + c}. */
    public int sampleAt(int index) {
        return samples[index] & 0xFF;
    }

    public int sampleCount() {
        return samples.length;
    }

    /** A copy of all samples, interleaved, as 0..255 ints. */
    public int[] samples() {
        int[] out = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] & 0xFF;
        }
        return out;
    }

    private static RgbImage convert(BufferedImage image, boolean compositeOnWhite) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3];
        Raster raster = image.getRaster();
        boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (gray) {
            // getRGB would push gray through the linear-gray colour space and brighten it; decoders and PIL
            // treat the stored gray level as the display value, so copy it as is.
            readGray(raster, image.getColorModel().hasAlpha() && compositeOnWhite, out);
            return new RgbImage(w, h, out);
        }
        int[] row = new int[w];
        boolean alpha = image.getColorModel().hasAlpha() && compositeOnWhite;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                if (alpha) {
                    int a = (argb >>> 24);
                    r = overWhite(r, a);
                    g = overWhite(g, a);
                    b = overWhite(b, a);
                }
                int o = (y * w + x) * 3;
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
            }
        }
        return new RgbImage(w, h, out);
    }

    private static void readGray(Raster raster, boolean compositeAlpha, byte[] out) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        int max = (1 << bits) - 1;
        int[] levels = new int[w];
        int[] alphas = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, levels);
            if (compositeAlpha) {
                raster.getSamples(0, y, w, 1, raster.getNumBands() - 1, alphas);
            }
            for (int x = 0; x < w; x++) {
                int v = bits == 8 ? levels[x] : (int) Math.round(levels[x] * 255.0 / max);
                if (compositeAlpha) {
                    int a = bits == 8 ? alphas[x] : (int) Math.round(alphas[x] * 255.0 / max);
                    v = overWhite(v, a);
                }
                int o = (y * w + x) * 3;
                out[o] = (byte) v;
                out[o + 1] = (byte) v;
                out[o + 2] = (byte) v;
            }
        }
    }

    private static int overWhite(int value, int alpha) {
        return (value * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
