package io.stylegraph.models.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.ModelFilesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorWithFallbackTest {

    /** A grey wall with a figure: red shirt over blue trousers. */
    private static RgbImage figure() {
        BufferedImage image = new BufferedImage(200, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(170, 170, 178));
        g.fillRect(0, 0, 200, 400);
        g.setColor(new Color(224, 172, 140));
        g.fillRect(80, 40, 40, 40);
        g.setColor(new Color(200, 30, 40));
        g.fillRect(40, 80, 120, 120);
        g.setColor(new Color(30, 50, 160));
        g.fillRect(60, 200, 80, 140);
        g.dispose();
        return RgbImage.of(image);
    }

    @Test
    void shouldAnswerTheBodyProportionRegionsWithoutAModelAndNeverReadDetectorSettings() {
        AtomicInteger asked = new AtomicInteger();
        try (DetectorWithFallback regions = new DetectorWithFallback(null, () -> {
            asked.incrementAndGet();
            throw new IllegalStateException("no detector settings without a detector");
        })) {
            RgbImage photo = figure();

            List<GarmentRegion> found = regions.find(photo);

            assertEquals(new BodyProportionRegions().find(photo), found);
            assertEquals(0, asked.get());
        }
    }

    @Test
    void shouldOpenTheDetectorAtFirstUseSoAMissingFileFailsThere(@TempDir Path dir) {
        Path missing = dir.resolve("detector.onnx");
        DetectorWithFallback regions = new DetectorWithFallback(missing, () -> new DetectorSettings(List.of("top"),
                null, 640, 0.25, 0.45, 10));

        ModelFilesException failure = assertThrows(ModelFilesException.class, () -> regions.find(figure()));

        assertTrue(failure.getMessage().contains("detector.onnx"), failure.getMessage());
    }
}
