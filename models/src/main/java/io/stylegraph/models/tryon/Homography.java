package io.stylegraph.models.tryon;

/**
 * A plane-to-plane perspective map {@code (x, y) -> ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1))},
 * fixed by four point pairs (the direct linear transform with h33 = 1, solved by Gaussian elimination).
 */
final class Homography {
    private final double[] m;

    private Homography(double[] m) {
        this.m = m;
    }

    /** The map taking each corner of {@code from} to the same corner of {@code to}. */
    static Homography between(Quad from, Quad to) {
        Point[] src = from.corners();
        Point[] dst = to.corners();
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = src[i].x();
            double y = src[i].y();
            double u = dst[i].x();
            double v = dst[i].y();
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        return new Homography(solve(a));
    }

    /** Maps {@code (x, y)} into {@code out[0], out[1]}; returns false where the point maps to infinity. */
    boolean map(double x, double y, double[] out) {
        double w = m[6] * x + m[7] * y + 1;
        if (Math.abs(w) < 1e-12) {
            return false;
        }
        out[0] = (m[0] * x + m[1] * y + m[2]) / w;
        out[1] = (m[3] * x + m[4] * y + m[5]) / w;
        return true;
    }

    private static double[] solve(double[][] a) {
        int n = 8;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate quadrilateral: three corners on one line");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] m = new double[8];
        for (int i = 0; i < n; i++) {
            m[i] = a[i][n] / a[i][i];
        }
        return m;
    }
}
