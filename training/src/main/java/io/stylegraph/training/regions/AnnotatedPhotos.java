package io.stylegraph.training.regions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stylegraph.models.regions.Box;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a folder laid out as clothing-co-parsing is: {@code photos/<id>.jpg} and {@code boxes.csv} with columns
 * {@code image_id,slot,x0,y0,x1,y1} (photo pixels, x0/y0 inclusive, x1/y1 exclusive). Photos without a box and
 * boxes without a photo are left out and counted.
 */
public final class AnnotatedPhotos {

    /** What was read: the photos with boxes, and how many boxes named a photo that is not there. */
    public record Loaded(List<AnnotatedPhoto> photos, int boxesWithoutPhoto) {
    }

    private AnnotatedPhotos() {
    }

    public static Loaded read(Path folder) throws IOException {
        Path csv = folder.resolve("boxes.csv");
        Path photos = folder.resolve("photos");
        if (!Files.isRegularFile(csv) || !Files.isDirectory(photos)) {
            throw new IOException(folder + " needs boxes.csv and a photos/ folder");
        }
        Map<String, Map<String, List<Box>>> byPhoto = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            Iterable<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader);
            for (CSVRecord r : records) {
                try {
                    Box box = new Box(Double.parseDouble(r.get("x0")), Double.parseDouble(r.get("y0")),
                            Double.parseDouble(r.get("x1")), Double.parseDouble(r.get("y1")));
                    byPhoto.computeIfAbsent(r.get("image_id").strip(), id -> new LinkedHashMap<>())
                            .computeIfAbsent(r.get("slot").strip().toLowerCase(Locale.ROOT), s -> new ArrayList<>())
                            .add(box);
                } catch (IllegalArgumentException e) {
                    throw new IOException(csv + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
        }
        List<AnnotatedPhoto> out = new ArrayList<>();
        int orphans = 0;
        for (Map.Entry<String, Map<String, List<Box>>> e : byPhoto.entrySet()) {
            Path file = photos.resolve(e.getKey() + ".jpg");
            if (Files.isRegularFile(file)) {
                out.add(new AnnotatedPhoto(e.getKey(), file, e.getValue()));
            } else {
                orphans += e.getValue().values().stream().mapToInt(List::size).sum();
            }
        }
        return new Loaded(out, orphans);
    }
}
