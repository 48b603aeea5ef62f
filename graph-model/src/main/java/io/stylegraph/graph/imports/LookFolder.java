package io.stylegraph.graph.imports;

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

import io.stylegraph.graph.repository.PhotoRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads looks from a folder:
 * <pre>
 * looks.csv                 photo_id,item_id[,slot]   one row per item a photo features (header row required)
 * photos/&lt;photo_id&gt;.jpg   the photo (.jpg, .jpeg, .png or .webp); optional, its path becomes Photo.image
 * </pre>
 * Rows without a photo id or item id are counted as rejected. Photos become {@code Photo} nodes with source
 * {@code import:<folder name>}.
 */
public final class LookFolder {
    public static final String FILE = "looks.csv";
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");

    /** What a folder holds: its looks in file order, and the rows that could not be read. */
    public record Read(List<PhotoRepository.Look> looks, int rows, int rejectedRows) {
    }

    private LookFolder() {
    }

    public static Read read(Path folder) throws IOException {
        Path csv = folder.resolve(FILE);
        if (!Files.isRegularFile(csv)) {
            throw new IOException("no " + FILE + " in " + folder);
        }
        String source = "import:" + folder.toAbsolutePath().normalize().getFileName();
        Map<String, List<PhotoRepository.FeaturedItem>> byPhoto = new LinkedHashMap<>();
        int rows = 0;
        int rejected = 0;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                rows++;
                String photo = field(r, "photo_id");
                String item = field(r, "item_id");
                if (photo == null || item == null) {
                    rejected++;
                    continue;
                }
                String slot = field(r, "slot");
                byPhoto.computeIfAbsent(photo, p -> new ArrayList<>()).add(new PhotoRepository.FeaturedItem(item,
                        slot == null ? null : slot.toLowerCase(Locale.ROOT), null));
            }
        }
        List<PhotoRepository.Look> looks = new ArrayList<>(byPhoto.size());
        byPhoto.forEach((photo, items) -> looks.add(new PhotoRepository.Look(photo, image(folder, photo), source,
                null, items, null)));
        return new Read(looks, rows, rejected);
    }

    private static String field(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static String image(Path folder, String photoId) {
        for (String extension : EXTENSIONS) {
            Path file = folder.resolve("photos").resolve(photoId + extension);
            if (Files.isRegularFile(file) && file.normalize().startsWith(folder.resolve("photos").normalize())
                    && ImagePaths.isInside(file, List.of(folder.resolve("photos")))) {
                return file.toAbsolutePath().normalize().toString();
            }
        }
        return null;
    }
}
