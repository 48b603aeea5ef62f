package io.stylegraph.training.outfit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Polyvore Outfits (disjoint) tuple files ({@code train_pos}, ..., {@code test_neg}) and
 * {@code items.json}. A row is 34 comma-separated integers: a constant 0, the item count n (1–16), 16 item slots
 * (per-category item indices, then -1) and 16 category slots (0–10, then -1). A row that breaks this stops the read
 * with an {@link OutfitFileException} naming the file and line.
 */
public final class DisjointOutfitReader {

    /** The 11 semantic categories, in the order the files number them. */
    public static final List<String> CATEGORIES = List.of("accessories", "all-body", "bags", "bottoms", "hats",
            "jewellery", "outerwear", "scarves", "shoes", "sunglasses", "tops");
    static final int SLOTS = 16;

    /** One outfit row: per item its category number and its index within that category. */
    public record Row(int[] categories, int[] indices) {
        public int size() {
            return categories.length;
        }
    }

    private DisjointOutfitReader() {
    }

    public static List<Row> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    rows.add(parse(name, number, text));
                }
            }
        }
        return rows;
    }

    static Row parse(String file, long line, String text) {
        String[] fields = text.strip().split(",", -1);
        if (fields.length != 2 + 2 * SLOTS) {
            throw new OutfitFileException(file, line, "expected " + (2 + 2 * SLOTS) + " fields, found "
                    + fields.length);
        }
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                values[i] = Integer.parseInt(fields[i].strip());
            } catch (NumberFormatException e) {
                throw new OutfitFileException(file, line, "field " + (i + 1) + " is not an integer: '" + fields[i]
                        + "'");
            }
        }
        int n = values[1];
        if (n < 1 || n > SLOTS) {
            throw new OutfitFileException(file, line, "item count " + n + " is outside 1.." + SLOTS);
        }
        int[] indices = new int[n];
        int[] categories = new int[n];
        for (int i = 0; i < SLOTS; i++) {
            int item = values[2 + i];
            int category = values[2 + SLOTS + i];
            if (i < n) {
                if (item < 0 || category < 0 || category >= CATEGORIES.size()) {
                    throw new OutfitFileException(file, line, "item " + (i + 1) + " has index " + item
                            + " and category " + category);
                }
                indices[i] = item;
                categories[i] = category;
            } else if (item != -1 || category != -1) {
                throw new OutfitFileException(file, line, "slot " + (i + 1) + " after the " + n
                        + " items is not -1");
            }
        }
        return new Row(categories, indices);
    }

    /** {@code items.json}: per category the list of item ids, indexed by the rows' item indices. */
    public static List<List<String>> readItems(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray() || root.size() != CATEGORIES.size()) {
            throw new OutfitFileException(file.getFileName().toString(), 1, "expected an array of "
                    + CATEGORIES.size() + " arrays of item ids");
        }
        List<List<String>> items = new ArrayList<>();
        for (JsonNode category : root) {
            List<String> ids = new ArrayList<>(category.size());
            category.forEach(id -> ids.add(id.asText()));
            items.add(ids);
        }
        return items;
    }
}
