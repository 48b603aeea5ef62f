package io.stylegraph.models.classical;

import io.stylegraph.models.image.RgbImage;

/**
 * HOG-like shape description: luminance gradients by central differences, unsigned orientation (0..180 degrees)
 * voted with gradient magnitude into bins centred on multiples of {@code 180 / bins} degrees (linear split between
 * the two nearest bins), one histogram per cell of a square grid, each cell L2-normalized.
 */
final class OrientationHistograms {

    private final int grid;
    private final int bins;

    OrientationHistograms(int grid, int bins) {
        this.grid = grid;
        this.bins = bins;
    }

    int grid() {
        return grid;
    }

    int bins() {
        return bins;
    }

    int length() {
        return grid * grid * bins;
    }

    float[] describe(RgbImage image) {
        int w = image.width();
        int h = image.height();
        float[] luma = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = 0.299f * image.sample(x, y, 0) + 0.587f * image.sample(x, y, 1)
                        + 0.114f * image.sample(x, y, 2);
            }
        }
        float[] hist = new float[length()];
        double binWidth = Math.PI / bins;
        for (int y = 0; y < h; y++) {
            int up = Math.max(y - 1, 0);
            int down = Math.min(y + 1, h - 1);
            int cellRow = y * grid / h;
            for (int x = 0; x < w; x++) {
                int left = Math.max(x - 1, 0);
                int right = Math.min(x + 1, w - 1);
                float gx = luma[y * w + right] - luma[y * w + left];
                float gy = luma[down * w + x] - luma[up * w + x];
                float magnitude = (float) Math.sqrt(gx * gx + gy * gy);
                if (magnitude == 0) {
                    continue;
                }
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                double position = angle / binWidth;
                int lower = (int) Math.floor(position);
                double upperShare = position - lower;
                int cell = cellRow * grid + x * grid / w;
                int base = cell * bins;
                hist[base + Math.floorMod(lower, bins)] += (float) (magnitude * (1 - upperShare));
                hist[base + Math.floorMod(lower + 1, bins)] += (float) (magnitude * upperShare);
            }
        }
        normalizeCells(hist);
        return hist;
    }

    /**
     * Divides each cell by {@code sqrt(|cell|^2 + eps^2)}, with eps a tenth of the mean cell norm: textured cells
     * get unit length while nearly flat cells (background, compression noise) stay small.
     */
    private void normalizeCells(float[] hist) {
        int cells = grid * grid;
        double[] norms = new double[cells];
        double meanNorm = 0;
        for (int cell = 0; cell < cells; cell++) {
            double sum = 0;
            for (int b = 0; b < bins; b++) {
                double v = hist[cell * bins + b];
                sum += v * v;
            }
            norms[cell] = Math.sqrt(sum);
            meanNorm += norms[cell] / cells;
        }
        double eps = 0.1 * meanNorm;
        for (int cell = 0; cell < cells; cell++) {
            double divisor = Math.sqrt(norms[cell] * norms[cell] + eps * eps);
            if (divisor == 0) {
                continue;
            }
            for (int b = 0; b < bins; b++) {
                hist[cell * bins + b] = (float) (hist[cell * bins + b] / divisor);
            }
        }
    }
}
