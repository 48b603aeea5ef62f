package io.stylegraph.training.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionEvaluationTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /**
     * Two 200 x 300 photos annotated with exactly the fixed-proportion boxes (top, bottom, shoes), the second also
     * with a dress no built-in source gives; and a box of a photo that is missing.
     */
    private Path folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mini looks"));
        Files.createDirectories(folder.resolve("photos"));
        StringBuilder csv = new StringBuilder("image_id,slot,x0,y0,x1,y1\n");
        for (String id : List.of("a", "b")) {
            BufferedImage image = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(150, 150, 160));
            g.fillRect(0, 0, 200, 300);
            g.setColor(new Color(30, 40, 150));
            g.fillRect(60, 50, 80, 230);
            g.dispose();
            ImageIO.write(image, "jpg", folder.resolve("photos/" + id + ".jpg").toFile());
            csv.append(id).append(",top,56,54,136,159\n").append(id).append(",bottom,64,135,122,258\n")
                    .append(id).append(",shoes,72,258,112,288\n");
        }
        csv.append("b,dress,60,50,140,280\n").append("c,top,0,0,10,10\n");
        Files.writeString(folder.resolve("boxes.csv"), csv);
        return folder;
    }

    @Test
    void shouldScoreTheFixedBoxesOnPhotosAnnotatedWithThemAsAPerfectMatch() throws Exception {
        RegionReport report = RegionEvaluation.run(new RegionEvaluation.Settings(folder(), null, null, null, 7, 0),
                "./stylegraph evaluate-regions --folder x", QUIET);

        assertEquals("regions-mini_looks", report.name());
        assertEquals("./stylegraph evaluate-regions --folder x", report.command());
        assertTrue(report.startedAt().compareTo(report.finishedAt()) <= 0, report.startedAt());
        assertEquals(Map.of("photos evaluated", 2, "annotated boxes per slot",
                Map.of("bottom", 2, "dress", 1, "shoes", 2, "top", 2),
                "boxes naming a missing photo (left out)", 1), report.data());
        assertEquals(List.of("body proportions (built-in)", "fixed proportions (baseline)", "random boxes"),
                report.sources().stream().map(RegionReport.Source::label).toList(),
                "no off-centre copies when the canvas is not widened");
        RegionReport.Source fixed = report.sources().get(1);
        assertEquals(RegionEvaluation.AS_PHOTOGRAPHED, fixed.framing());
        assertEquals(List.of("top", "bottom", "shoes"), fixed.slots());
        assertEquals(6, fixed.overSlots().boxes());
        assertEquals(1.0, fixed.overSlots().meanIou(), 1e-9);
        assertEquals(1.0, fixed.overSlots().recallAt50());
        assertEquals(7, fixed.overall().boxes());
        assertEquals(6 / 7.0, fixed.overall().meanIou(), 1e-9, "the dress counts as IoU 0");
        assertEquals(6 / 7.0, fixed.overall().recallAt50(), 1e-9);
        assertEquals(1, fixed.bySlot().get("dress").boxes());
        assertEquals(0, fixed.bySlot().get("dress").predicted());
        assertTrue(fixed.msPerPhoto() >= 0);
        assertTrue(report.notes().size() == 4, report.notes().toString());
    }

    @Test
    void shouldMeasureOffCentreCopiesAndOnlyTheFirstPhotosWhenAskedTo() throws Exception {
        RegionReport report = RegionEvaluation.run(new RegionEvaluation.Settings(folder(), "my run", null, 1, 7,
                1.6), "cmd", QUIET);

        assertEquals("regions-my_run", report.name());
        assertEquals(1, report.data().get("photos evaluated"));
        assertEquals(6, report.sources().size());
        assertEquals(List.of(RegionEvaluation.AS_PHOTOGRAPHED, RegionEvaluation.AS_PHOTOGRAPHED,
                        RegionEvaluation.AS_PHOTOGRAPHED, RegionEvaluation.OFF_CENTRE, RegionEvaluation.OFF_CENTRE,
                        RegionEvaluation.OFF_CENTRE),
                report.sources().stream().map(RegionReport.Source::framing).toList());
        assertEquals(3, report.sources().get(4).overSlots().boxes());
        assertTrue(Double.isNaN(report.sources().get(4).msPerPhoto()), "not timed on the copies");
        assertEquals("each photo on a canvas 1.60 times as wide at a random horizontal offset (seed 7), the rest "
                + "filled by repeating its outermost columns; boxes moved with it", report.data().get(
                "off-centre copies"));
    }

    @Test
    void shouldAskForTheClassesOfADetector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegionEvaluation.Detector(Path.of("d.onnx"), List.of(), null, 640));
        assertEquals("--detector needs --detector-classes (the slot of each class, by index)", e.getMessage());
    }
}
