package io.stylegraph.models.regions;

import java.util.Locale;
import java.util.Optional;

/**
 * How a YOLO-style export lays out its single output for C classes. Each candidate has a box as centre x, centre y,
 * width, height in input pixels, then either C class scores (YOLOv8 and later) or an objectness score and C class
 * scores (YOLOv5); v8 exports put candidates in columns ({@code [1, 4+C, N]}), v5 exports in rows
 * ({@code [1, N, 5+C]}), and some tools transpose either.
 */
public enum YoloLayout {
    /** {@code [1, 4+C, N]}: no objectness, candidates in columns (Ultralytics YOLOv8/v11 default). */
    V8,
    /** {@code [1, N, 4+C]}: no objectness, candidates in rows. */
    V8_ROWS,
    /** {@code [1, N, 5+C]}: objectness, candidates in rows (YOLOv5 default). */
    V5,
    /** {@code [1, 5+C, N]}: objectness, candidates in columns. */
    V5_COLUMNS;

    /** Values describing one candidate. */
    public int stride(int classes) {
        return hasObjectness() ? 5 + classes : 4 + classes;
    }

    public boolean hasObjectness() {
        return this == V5 || this == V5_COLUMNS;
    }

    public boolean candidatesInColumns() {
        return this == V8 || this == V5_COLUMNS;
    }

    /**
     * The layout an output of this shape has for {@code classes} classes; empty when none fits. When two fit (a
     * square output), the export defaults win: v8 columns, then v5 rows.
     */
    public static Optional<YoloLayout> detect(long[] shape, int classes) {
        if (shape.length != 3 || shape[0] != 1) {
            return Optional.empty();
        }
        for (YoloLayout layout : new YoloLayout[] {V8, V5, V8_ROWS, V5_COLUMNS}) {
            long values = layout.candidatesInColumns() ? shape[1] : shape[2];
            if (values == layout.stride(classes)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    public static Optional<YoloLayout> parse(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
    }
}
