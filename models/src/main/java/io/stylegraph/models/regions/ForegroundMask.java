package io.stylegraph.models.regions;

import io.stylegraph.models.image.RgbImage;

/**
 * Pixels that differ from the background, where the background is learned from the photo's border (left, right
 * and top strips, where a street photo of one person shows pavement, walls and sky). A pixel is foreground when its
 * colour is rare in the border compared with the whole photo (a global colour model), or far from the border
 * colours of its own rows (a local model, for backgrounds that change from top to bottom).
 */
final class ForegroundMask {

    private static final int LEVELS = 8;

    private ForegroundMask() {
    }

    /**
     * @param borderShare  width of the left and right strips as a share of the width (the top strip is half as tall)
     * @param rareRatio    a colour is foreground when its border share is below this times its overall share
     * @param nearDistance ... and the pixel is at least this far (RGB) from its rows' border colours
     * @param farDistance  a pixel this far from its rows' border colours is foreground whatever its colour
     */
    static boolean[] of(RgbImage image, double borderShare, double rareRatio, double nearDistance,
                        double farDistance) {
        int w = image.width();
        int h = image.height();
        int strip = Math.max(1, (int) Math.round(borderShare * w));
        int topStrip = Math.max(1, (int) Math.round(borderShare * h / 2));
        double[] border = new double[LEVELS * LEVELS * LEVELS];
        double[] all = new double[border.length];
        double borderCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int bin = bin(image, x, y);
                all[bin]++;
                if (x < strip || x >= w - strip || y < topStrip) {
                    border[bin]++;
                    borderCount++;
                }
            }
        }
        double total = (double) w * h;
        double[][] left = rowMeans(image, 0, strip);
        double[][] right = rowMeans(image, w - strip, w);
        boolean[] mask = new boolean[w * h];
        for (int y = topStrip; y < h; y++) {
            for (int x = strip; x < w - strip; x++) {
                int bin = bin(image, x, y);
                double ratio = (border[bin] / borderCount) / (all[bin] / total);
                double distance = Math.min(distance(image, x, y, left[y]), distance(image, x, y, right[y]));
                mask[y * w + x] = distance >= farDistance || (ratio < rareRatio && distance >= nearDistance);
            }
        }
        return mask;
    }

    private static int bin(RgbImage image, int x, int y) {
        int r = image.sample(x, y, 0) * LEVELS / 256;
        int g = image.sample(x, y, 1) * LEVELS / 256;
        int b = image.sample(x, y, 2) * LEVELS / 256;
        return (r * LEVELS + g) * LEVELS + b;
    }

    /** Mean colour of columns {@code [from, to)} over each row and its neighbours (7 rows), so texture averages out. */
    private static double[][] rowMeans(RgbImage image, int from, int to) {
        int h = image.height();
        double[][] rows = new double[h][3];
        for (int y = 0; y < h; y++) {
            for (int x = from; x < to; x++) {
                for (int c = 0; c < 3; c++) {
                    rows[y][c] += image.sample(x, y, c);
                }
            }
        }
        double[][] out = new double[h][3];
        for (int y = 0; y < h; y++) {
            int n = 0;
            for (int d = -3; d <= 3; d++) {
                int yy = y + d;
                if (yy >= 0 && yy < h) {
                    for (int c = 0; c < 3; c++) {
                        out[y][c] += rows[yy][c];
                    }
                    n++;
                }
            }
            for (int c = 0; c < 3; c++) {
                out[y][c] /= (double) n * (to - from);
            }
        }
        return out;
    }

    private static double distance(RgbImage image, int x, int y, double[] colour) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double d = image.sample(x, y, c) - colour[c];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** Each pixel set when most of its 3x3 neighbourhood is set: removes specks and fills pinholes. */
    static boolean[] majority(boolean[] mask, int w, int h) {
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int set = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            n++;
                            if (mask[yy * w + xx]) {
                                set++;
                            }
                        }
                    }
                }
                out[y * w + x] = 2 * set > n;
            }
        }
        return out;
    }
}
