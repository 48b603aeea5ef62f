package io.stylegraph.models.preprocess;

import io.stylegraph.models.image.RgbImage;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * The image pipeline in front of a vision tower: to RGB, resize (and crop), scale to 0..1, subtract the mean and
 * divide by the standard deviation per channel, lay out as planar NCHW floats. Each step is public so it can be
 * checked against hand-computed values; {@link #toNchw(List)} runs them all.
 */
public final class Preprocessing {

    private final int width;
    private final int height;
    private final ResizeMode mode;
    private final Resampler resampler;
    private final float[] mean;
    private final float[] std;

    public Preprocessing(int width, int height, ResizeMode mode, ResampleFilter filter, float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need one value per RGB channel");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
            }
        }
        this.width = width;
        this.height = height;
        this.mode = mode;
        this.resampler = new Resampler(filter);
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /**
     * Marqo-FashionSigLIP's published open_clip {@code preprocess_cfg}: bicubic squash to the input size,
     * mean = std = 0.5 per channel (so pixels land in [-1, 1]).
     */
    public static Preprocessing fashionSigLip(int size) {
        return new Preprocessing(size, size, ResizeMode.SQUASH, ResampleFilter.BICUBIC,
                new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Floats per image in the model input: {@code 3 * height * width}. */
    public int floatsPerImage() {
        return 3 * width * height;
    }

    public RgbImage resize(RgbImage image, int targetWidth, int targetHeight) {
        return resampler.resize(image, targetWidth, targetHeight);
    }

    /** torchvision {@code Resize(int)}: the shorter side becomes {@code size}, the longer keeps the aspect (truncated). */
    public RgbImage resizeShortestSide(RgbImage image, int size) {
        int w = image.width();
        int h = image.height();
        if (w <= h) {
            return resampler.resize(image, size, (int) ((long) size * h / w));
        }
        return resampler.resize(image, (int) ((long) size * w / h), size);
    }

    /**
     * torchvision {@code CenterCrop}: offsets rounded half to even as Python's {@code round}; a crop larger than
     * the image pads with black, the extra row or column going to the bottom or right.
     */
    public static RgbImage centerCrop(RgbImage image, int cropWidth, int cropHeight) {
        int left = cropOffset(image.width(), cropWidth);
        int top = cropOffset(image.height(), cropHeight);
        byte[] out = new byte[cropWidth * cropHeight * 3];
        for (int y = 0; y < cropHeight; y++) {
            int sy = y + top;
            if (sy < 0 || sy >= image.height()) {
                continue;
            }
            for (int x = 0; x < cropWidth; x++) {
                int sx = x + left;
                if (sx < 0 || sx >= image.width()) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    out[(y * cropWidth + x) * 3 + c] = (byte) image.sample(sx, sy, c);
                }
            }
        }
        return new RgbImage(cropWidth, cropHeight, out);
    }

    private static int cropOffset(int size, int crop) {
        if (crop > size) {
            return -((crop - size) / 2);
        }
        return (int) Math.rint((size - crop) / 2.0);
    }

    /** {@code (v / 255 - mean[c]) / std[c]} for every sample, keeping the interleaved (HWC) order. */
    public float[] normalize(RgbImage image) {
        float[] out = new float[image.sampleCount()];
        for (int i = 0; i < out.length; i++) {
            int c = i % 3;
            out[i] = (image.sampleAt(i) / 255.0f - mean[c]) / std[c];
        }
        return out;
    }

    /** Brings an image to the model's input size with this pipeline's resize mode. */
    public RgbImage fit(RgbImage image) {
        if (mode == ResizeMode.SQUASH) {
            return resampler.resize(image, width, height);
        }
        RgbImage resized = resizeShortestSide(image, Math.max(width, height));
        return centerCrop(resized, width, height);
    }

    /** Planar batch layout: all of image 0's red plane, then its green and blue planes, then image 1, ... */
    public static float[] toNchw(List<float[]> interleavedImages, int width, int height) {
        int plane = width * height;
        float[] out = new float[interleavedImages.size() * 3 * plane];
        for (int n = 0; n < interleavedImages.size(); n++) {
            float[] hwc = interleavedImages.get(n);
            if (hwc.length != 3 * plane) {
                throw new IllegalArgumentException("image " + n + " has " + hwc.length + " samples, expected "
                        + 3 * plane);
            }
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                out[base + p] = hwc[3 * p];
                out[base + plane + p] = hwc[3 * p + 1];
                out[base + 2 * plane + p] = hwc[3 * p + 2];
            }
        }
        return out;
    }

    /** The whole pipeline for a batch: RGB, fit, normalize, NCHW. */
    public float[] toNchw(List<BufferedImage> images) {
        List<float[]> normalized = images.stream()
                .map(image -> normalize(fit(RgbImage.of(image))))
                .toList();
        return toNchw(normalized, width, height);
    }
}
