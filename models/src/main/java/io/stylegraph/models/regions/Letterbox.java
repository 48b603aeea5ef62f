package io.stylegraph.models.regions;

import io.stylegraph.models.image.RgbImage;

/**
 * Fits a photo into a detector's fixed input without distorting it, as YOLO exports expect: scaled by one factor so
 * the long side fits, centred, and padded with grey (114). {@link #toPhoto} maps a box from input pixels back to the
 * photo's pixels.
 *
 * @param scale input pixels per photo pixel
 * @param padX  columns of padding left of the picture
 * @param padY  rows of padding above it
 */
public record Letterbox(int photoWidth, int photoHeight, int inputWidth, int inputHeight, double scale, double padX,
                        double padY) {

    static final int PAD = 114;

    public static Letterbox of(int photoWidth, int photoHeight, int inputWidth, int inputHeight) {
        double scale = Math.min((double) inputWidth / photoWidth, (double) inputHeight / photoHeight);
        double padX = (inputWidth - photoWidth * scale) / 2;
        double padY = (inputHeight - photoHeight * scale) / 2;
        return new Letterbox(photoWidth, photoHeight, inputWidth, inputHeight, scale, padX, padY);
    }

    /** A box in input pixels as photo pixels, clipped to the photo. */
    public Box toPhoto(Box input) {
        return new Box((input.x0() - padX) / scale, (input.y0() - padY) / scale, Math.max((input.x0() - padX) / scale,
                (input.x1() - padX) / scale), Math.max((input.y0() - padY) / scale, (input.y1() - padY) / scale))
                .clip(photoWidth, photoHeight);
    }

    /** A box in photo pixels as input pixels. */
    public Box toInput(Box photo) {
        return new Box(photo.x0() * scale + padX, photo.y0() * scale + padY, photo.x1() * scale + padX,
                photo.y1() * scale + padY);
    }

    /**
     * The photo letterboxed into a planar {@code [3, inputHeight, inputWidth]} array of 0..1 values (RGB order),
     * resampled bilinearly.
     */
    public float[] toChw(RgbImage photo) {
        int plane = inputWidth * inputHeight;
        float[] out = new float[3 * plane];
        java.util.Arrays.fill(out, PAD / 255f);
        int left = (int) Math.round(padX - 0.1);
        int top = (int) Math.round(padY - 0.1);
        int width = Math.min(inputWidth - left, (int) Math.round(photoWidth * scale));
        int height = Math.min(inputHeight - top, (int) Math.round(photoHeight * scale));
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(photoHeight - 1, (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(photoHeight - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, Math.min(photoWidth - 1, (x + 0.5) / scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(photoWidth - 1, x0 + 1);
                double fx = sx - x0;
                int o = (top + y) * inputWidth + left + x;
                for (int c = 0; c < 3; c++) {
                    double v = (1 - fy) * ((1 - fx) * photo.sample(x0, y0, c) + fx * photo.sample(x1, y0, c))
                            + fy * ((1 - fx) * photo.sample(x0, y1, c) + fx * photo.sample(x1, y1, c));
                    out[c * plane + o] = (float) (v / 255);
                }
            }
        }
        return out;
    }
}
