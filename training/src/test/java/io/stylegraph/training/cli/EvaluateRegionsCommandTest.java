package io.stylegraph.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateRegionsCommandTest {

    @TempDir
    Path folder;

    /** Two street photos with a figure; their boxes are the figure's parts, as the annotators would draw them. */
    private Path annotatedFolder() throws Exception {
        Path data = Files.createDirectories(folder.resolve("mini-looks"));
        Files.createDirectories(data.resolve("photos"));
        StringBuilder csv = new StringBuilder("image_id,slot,x0,y0,x1,y1\n");
        for (String id : new String[] {"0001", "0002"}) {
            BufferedImage image = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(150, 150, 160));
            g.fillRect(0, 0, 200, 300);
            g.setColor(new Color(210, 40, 40));
            g.fillRect(70, 45, 60, 105);
            g.setColor(new Color(30, 40, 150));
            g.fillRect(75, 150, 50, 110);
            g.setColor(Color.BLACK);
            g.fillRect(75, 260, 50, 20);
            g.dispose();
            ImageIO.write(image, "jpg", data.resolve("photos/" + id + ".jpg").toFile());
            csv.append(id).append(",top,70,45,130,150\n").append(id).append(",bottom,75,150,125,260\n")
                    .append(id).append(",shoes,75,260,125,280\n");
        }
        csv.append("0003,top,0,0,10,10\n"); // no photo: left out and counted
        Files.writeString(data.resolve("boxes.csv"), csv);
        return data;
    }

    @Test
    void shouldWriteAReportWithEverySourceAndSlot() throws Exception {
        Path data = annotatedFolder();
        Path reports = folder.resolve("reports");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int code = new CommandLine(new EvaluateRegionsCommand(new PrintStream(console, true, StandardCharsets.UTF_8)))
                .execute("--folder", data.toString(), "--report-dir", reports.toString());

        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        JsonNode report = new ObjectMapper().readTree(reports.resolve("regions-mini-looks.json").toFile());
        assertEquals(2, report.get("data").get("photos evaluated").asInt());
        assertEquals(1, report.get("data").get("boxes naming a missing photo (left out)").asInt());
        assertTrue(report.get("command").asText().startsWith("./stylegraph evaluate-regions --folder"));
        JsonNode body = report.get("sources").get(0);
        assertEquals("body proportions (built-in)", body.get("label").asText());
        assertEquals(2, body.get("bySlot").get("top").get("boxes").asInt());
        assertTrue(body.get("bySlot").get("top").get("meanIou").asDouble() > 0.5, body.toString());
        assertEquals(6, report.get("sources").size(), "body proportions, fixed proportions, random boxes, each on "
                + "the photos and on off-centre copies");
        assertEquals("as photographed", body.get("framing").asText());
        JsonNode bodyOffCentre = report.get("sources").get(3);
        assertEquals("off-centre copies", bodyOffCentre.get("framing").asText());
        assertEquals(2, bodyOffCentre.get("bySlot").get("top").get("boxes").asInt());
        String markdown = Files.readString(reports.resolve("regions-mini-looks.md"));
        assertTrue(markdown.contains("| top | 2 |"), markdown);
        assertTrue(markdown.contains("## Per slot, off-centre copies"), markdown);
    }

    @Test
    void shouldAskForTheClassesOfADetector() throws Exception {
        Path data = annotatedFolder();
        int code = new CommandLine(new EvaluateRegionsCommand(new PrintStream(new ByteArrayOutputStream())))
                .execute("--folder", data.toString(), "--detector", folder.resolve("none.onnx").toString());
        assertEquals(2, code);
    }
}
