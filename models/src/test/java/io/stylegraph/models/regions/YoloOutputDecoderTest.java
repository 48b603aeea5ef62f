package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class YoloOutputDecoderTest {

    @Test
    void shouldDecodeV8ColumnsWithoutObjectness() {
        // 2 classes, 3 candidates in columns: rows cx, cy, w, h, class 0, class 1
        float[] out = {
                50, 10, 30,
                40, 10, 30,
                20, 4, 10,
                10, 4, 10,
                0.9f, 0.1f, 0.2f,
                0.3f, 0.2f, 0.6f};
        List<Detection> found = new YoloOutputDecoder(YoloLayout.V8, 2, 0.25).decode(out, 3);

        assertEquals(List.of(new Detection(new Box(40, 35, 60, 45), 0, 0.9f),
                new Detection(new Box(25, 25, 35, 35), 1, 0.6f)), found);
    }

    @Test
    void shouldMultiplyClassScoresByObjectnessInV5Rows() {
        // 1 class, 2 candidates in rows: cx, cy, w, h, objectness, class 0
        float[] out = {
                10, 10, 4, 4, 0.5f, 0.8f,
                20, 20, 4, 4, 0.9f, 0.2f};
        List<Detection> found = new YoloOutputDecoder(YoloLayout.V5, 1, 0.25).decode(out, 2);

        assertEquals(1, found.size(), "0.9 x 0.2 = 0.18 is under the threshold");
        assertEquals(0.4, found.get(0).score(), 1e-6);
        assertEquals(new Box(8, 8, 12, 12), found.get(0).box());
    }

    @Test
    void shouldTellTheLayoutFromTheOutputShape() {
        assertEquals(Optional.of(YoloLayout.V8), YoloLayout.detect(new long[] {1, 84, 8400}, 80));
        assertEquals(Optional.of(YoloLayout.V5), YoloLayout.detect(new long[] {1, 25200, 85}, 80));
        assertEquals(Optional.of(YoloLayout.V8_ROWS), YoloLayout.detect(new long[] {1, 8400, 84}, 80));
        assertEquals(Optional.of(YoloLayout.V5_COLUMNS), YoloLayout.detect(new long[] {1, 85, 8400}, 80));
        assertEquals(Optional.empty(), YoloLayout.detect(new long[] {1, 84, 8400}, 13));
        assertEquals(Optional.of(YoloLayout.V8_ROWS), YoloLayout.parse("v8-rows"));
    }

    @Test
    void shouldRefuseAnOutputOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new YoloOutputDecoder(YoloLayout.V8, 2, 0.25).decode(new float[10], 3));
    }
}
