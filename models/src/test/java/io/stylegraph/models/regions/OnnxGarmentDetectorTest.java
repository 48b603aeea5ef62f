package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.ModelFilesException;
import io.stylegraph.models.onnx.OnnxSessions;
import io.stylegraph.models.onnx.TinyDetectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a tiny YOLOv8-shaped ONNX model through ONNX Runtime: letterbox, decoding, NMS and mapping back. */
class OnnxGarmentDetectorTest {

    // input pixels: candidates 0 and 1 overlap (IoU 0.6), 2 stands apart; 1 scores a little lower than 0
    private static final float[][] BOXES = {{32, 32, 20, 16}, {33, 32, 20, 16}, {10, 50, 8, 8}};
    private static final float[] OFFSETS = {0f, -0.05f, -0.4f};

    @TempDir
    Path folder;

    private OnnxGarmentDetector detector(List<String> classSlots) throws IOException {
        Path file = Files.write(folder.resolve("detector.onnx"), TinyDetectors.yoloV8(64, BOXES, OFFSETS));
        return new OnnxGarmentDetector(new OnnxSessions().open(file), DetectorSettings.of(classSlots));
    }

    private static RgbImage solid(int width, int height, int rgb) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, rgb);
        return RgbImage.fromPacked(width, height, pixels);
    }

    @Test
    void shouldFindTheRedClassInARedPhotoAndMapItsBoxToPhotoPixels() throws IOException {
        try (OnnxGarmentDetector detector = detector(List.of("top", "bottom", ""))) {
            // 128x64 letterboxed into 64x64: scale 0.5, 16 grey rows above and below, so the mean red the model
            // sees is (255 + 114) / 2 / 255 = 0.7235 and the mean blue 114 / 2 / 255 = 0.2235
            List<GarmentRegion> regions = detector.find(solid(128, 64, 0xFF0000));

            assertEquals(2, regions.size(), regions.toString());
            GarmentRegion best = regions.get(0);
            assertEquals("top", best.slot());
            assertEquals(RegionSource.DETECTOR, best.source());
            assertEquals((255 + 114) / 2.0 / 255, best.confidence(), 1e-3);
            // input box (22, 24)-(42, 40) -> photo ((22 - 0) / 0.5, (24 - 16) / 0.5) ...
            assertBox(new Box(44, 16, 84, 48), best.box());
            // candidate 2: input (6, 46)-(14, 54) -> photo (12, 60)-(28, 64) after clipping
            assertBox(new Box(12, 60, 28, 64), regions.get(1).box());
            assertEquals((255 + 114) / 2.0 / 255 - 0.4, regions.get(1).confidence(), 1e-3);
        }
    }

    @Test
    void shouldFollowThePixelsToAnotherClassAndIgnoreUnmappedClasses() throws IOException {
        try (OnnxGarmentDetector detector = detector(List.of("top", "bottom", ""))) {
            List<GarmentRegion> regions = detector.find(solid(64, 64, 0x00FF00));
            assertEquals(List.of("bottom", "bottom"), regions.stream().map(GarmentRegion::slot).toList());
            assertEquals(1.0, regions.get(0).confidence(), 1e-3, "a square photo fills the input: no grey");

            assertTrue(detector.find(solid(64, 64, 0x0000FF)).isEmpty(), "class 2 (blue) maps to no slot");
        }
    }

    @Test
    void shouldRefuseAClassListThatDoesNotFitTheOutput() throws IOException {
        Path file = Files.write(folder.resolve("detector.onnx"), TinyDetectors.yoloV8(64, BOXES, OFFSETS));
        ModelFilesException e = assertThrows(ModelFilesException.class, () -> new OnnxGarmentDetector(
                new OnnxSessions().open(file), DetectorSettings.of(List.of("top", "bottom", "shoes", "bag"))));
        assertTrue(e.getMessage().contains("fits no YOLO layout"), e.getMessage());
    }

    private static void assertBox(Box expected, Box actual) {
        assertEquals(expected.x0(), actual.x0(), 1e-3, actual.toString());
        assertEquals(expected.y0(), actual.y0(), 1e-3, actual.toString());
        assertEquals(expected.x1(), actual.x1(), 1e-3, actual.toString());
        assertEquals(expected.y1(), actual.y1(), 1e-3, actual.toString());
    }
}
