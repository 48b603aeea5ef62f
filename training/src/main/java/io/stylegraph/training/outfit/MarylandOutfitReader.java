package io.stylegraph.training.outfit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Maryland Polyvore outfit files: {@code outfits-valid.jsonl} (items with {@code name}, {@code category_id}
 * and more), the name-less {@code outfits-*-categories.jsonl} (items with {@code index} and {@code category_id}), any
 * other file in either format (e.g. {@code sample-with-images/outfits.jsonl}), and {@code categories.csv}. A line
 * that is not a valid outfit stops the read with an {@link OutfitFileException} naming the file and line; blank lines
 * are skipped.
 */
public final class MarylandOutfitReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An item: its position in the original set, its name (null when absent or empty) and category id. */
    public record Item(int index, String name, int categoryId) {
    }

    /** An outfit; {@code split} is null unless the line has one. */
    public record Outfit(String setId, List<Item> items, String split) {
        public Outfit {
            items = List.copyOf(items);
        }
    }

    private MarylandOutfitReader() {
    }

    public static List<Outfit> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Outfit> outfits = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    outfits.add(parse(name, number, text));
                }
            }
        }
        return outfits;
    }

    static Outfit parse(String file, long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OutfitFileException(file, line, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new OutfitFileException(file, line, "not a JSON object");
        }
        JsonNode setId = node.get("set_id");
        if (setId == null || setId.isNull() || setId.isContainerNode() || setId.asText().isBlank()) {
            throw new OutfitFileException(file, line, "missing set_id");
        }
        JsonNode items = node.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new OutfitFileException(file, line, "outfit " + setId.asText() + " has no items array");
        }
        List<Item> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = "item " + (i + 1) + " of outfit " + setId.asText();
            if (!item.isObject()) {
                throw new OutfitFileException(file, line, where + " is not an object");
            }
            int index = integer(item, "index", file, line, where);
            int category = integer(item, "category_id", file, line, where);
            JsonNode nameNode = item.get("name");
            String name = nameNode == null || nameNode.isNull() || nameNode.isContainerNode()
                    || nameNode.asText().isBlank() ? null : nameNode.asText().strip();
            parsed.add(new Item(index, name, category));
        }
        JsonNode split = node.get("split");
        return new Outfit(setId.asText(), parsed,
                split == null || split.isNull() || split.asText().isBlank() ? null : split.asText());
    }

    private static int integer(JsonNode item, String field, String file, long line, String where) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            throw new OutfitFileException(file, line, where + " has no " + field);
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new OutfitFileException(file, line, where + " has a " + field + " that is not an integer: " + value);
    }

    /** {@code categories.csv}: {@code id,name} with a header line; a name may be quoted. */
    public static Map<Integer, String> readCategories(Path file) throws IOException {
        String name = file.getFileName().toString();
        Map<Integer, String> categories = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int comma = text.indexOf(',');
            if (comma < 0) {
                throw new OutfitFileException(name, i + 1, "expected id,name");
            }
            String value = text.substring(comma + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
            }
            try {
                categories.put(Integer.parseInt(text.substring(0, comma).strip()), value);
            } catch (NumberFormatException e) {
                throw new OutfitFileException(name, i + 1, "category id is not an integer: "
                        + text.substring(0, comma));
            }
        }
        return categories;
    }
}
