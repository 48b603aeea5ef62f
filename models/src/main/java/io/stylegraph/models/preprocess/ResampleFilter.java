package io.stylegraph.models.preprocess;

import java.util.Locale;

/** Interpolation kernels with the shapes and supports PIL uses, so resized pixels match the Python pipelines. */
public enum ResampleFilter {
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            if (ax < 1.0) {
                return ((A + 2.0) * ax - (A + 3.0)) * ax * ax + 1.0;
            }
            if (ax < 2.0) {
                return (((ax - 5.0) * ax + 8.0) * ax - 4.0) * A;
            }
            return 0.0;
        }
    };

    /** Keys' cubic convolution parameter as PIL sets it. */
    private static final double A = -0.5;

    private final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    double support() {
        return support;
    }

    abstract double weight(double x);

    /** Parses the interpolation names used in open_clip configs ("bicubic", "bilinear"). */
    public static ResampleFilter parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bicubic" -> BICUBIC;
            case "bilinear" -> BILINEAR;
            default -> throw new IllegalArgumentException("unsupported interpolation '" + name
                    + "' (supported: bicubic, bilinear)");
        };
    }
}
