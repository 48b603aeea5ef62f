package io.stylegraph.training.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.stylegraph.graph.domain.Signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a generic catalogue folder into training data as {@link GenericFolderLoader} does, and to the same result
 * (same ids, split, dislikes and vectors), but with Jackson's streaming parser into primitive arrays: a like costs an
 * int user, an int item, a long time and a byte while it is read, and no object. Ids are strings kept once per
 * distinct user and item. The split is {@link ChronologicalSplitter#eightOneOne()}'s rule, applied user by user on
 * index arrays.
 *
 * <p>Reads {@code interactions.jsonl} and {@code vectors.jsonl} (or their {@code .gz}); a folder whose interactions
 * are CSV is read by {@link GenericFolderLoader}. Rows the import would reject (no user or item id, an unknown signal,
 * an unreadable time, position or split; a vector row without a vector, with a non-number or another dimension than
 * earlier rows) are skipped as the import skips them.
 */
public final class StreamingFolderLoader {

    private StreamingFolderLoader() {
    }

    public static GenericFolderLoader.Loaded load(Path folder) {
        Path interactions = firstExisting(folder, "interactions.jsonl", "interactions.jsonl.gz");
        if (interactions == null) {
            return GenericFolderLoader.load(folder);
        }
        try {
            Map<String, float[][]> vectors = readVectors(firstExisting(folder, "vectors.jsonl", "vectors.jsonl.gz"));
            InteractionRows rows = readInteractions(interactions);
            Dataset dataset = rows.split(folder.getFileName().toString());
            return new GenericFolderLoader.Loaded(dataset, GenericFolderLoader.features(dataset, vectors));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue under " + folder, e);
        }
    }

    private static Path firstExisting(Path folder, String... names) {
        for (String name : names) {
            Path path = folder.resolve(name);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        return null;
    }

    private static InteractionRows readInteractions(Path file) throws IOException {
        InteractionRows rows = new InteractionRows();
        long[] accepted = {0};
        JsonObjectStream.read(file, () -> new InteractionFields(rows, accepted));
        return rows;
    }

    /** One interaction row's fields; at its end the row is added when the import would accept it. */
    private static final class InteractionFields implements JsonObjectStream.ObjectFields {
        private final InteractionRows rows;
        private final long[] accepted;
        private String userId;
        private String itemId;
        private String signal;
        private String timeText;
        private String position;
        private String split;

        InteractionFields(InteractionRows rows, long[] accepted) {
            this.rows = rows;
            this.accepted = accepted;
        }

        @Override
        public void field(String name, JsonToken value, JsonParser parser) throws IOException {
            String text = JsonObjectStream.text(value, parser);
            switch (name) {
                case "user_id", "userId" -> userId = userId == null || "user_id".equals(name) ? text : userId;
                case "item_id", "itemId" -> itemId = itemId == null || "item_id".equals(name) ? text : itemId;
                case "signal" -> signal = text;
                case "time" -> timeText = text;
                case "position" -> position = text;
                case "split" -> split = text;
                default -> {
                }
            }
        }

        @Override
        public void end() {
            if (userId == null || userId.isBlank() || itemId == null || itemId.isBlank()) {
                return;
            }
            Optional<Signal> parsed = Signal.parse(signal);
            if (parsed.isEmpty() || split != null && !List.of("train", "valid", "test").contains(split)) {
                return;
            }
            long at;
            try {
                Instant instant = parseTime(timeText);
                at = instant != null ? instant.toEpochMilli()
                        : position != null ? Integer.parseInt(position.trim()) : accepted[0];
            } catch (DateTimeParseException | NumberFormatException rejected) {
                return;
            }
            accepted[0]++;
            rows.add(userId.trim(), itemId.trim(), at, parsed.get() == Signal.LIKE);
        }
    }

    private static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            return LocalDate.parse(text.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /** Each item's [visual, text] vectors (either may be null) by item id. */
    private static Map<String, float[][]> readVectors(Path file) throws IOException {
        Map<String, float[][]> vectors = new HashMap<>();
        if (file == null) {
            return vectors;
        }
        int[] dimensions = {0, 0};
        JsonObjectStream.read(file, () -> new VectorFields(vectors, dimensions));
        return vectors;
    }

    /** One vector row's fields; at its end the pair is kept when the import would accept it. */
    private static final class VectorFields implements JsonObjectStream.ObjectFields {
        private final Map<String, float[][]> vectors;
        private final int[] dimensions;
        private final float[][] pair = new float[2][];
        private String itemId;
        private String visualModel;
        private String textModel;
        private boolean bad;

        VectorFields(Map<String, float[][]> vectors, int[] dimensions) {
            this.vectors = vectors;
            this.dimensions = dimensions;
        }

        @Override
        public void field(String name, JsonToken value, JsonParser parser) throws IOException {
            switch (name) {
                case "item_id", "itemId" -> itemId = scalar(parser, value, itemId, "item_id".equals(name));
                case "visual_model", "visualModel" -> visualModel = scalar(parser, value, visualModel, true);
                case "text_model", "textModel" -> textModel = scalar(parser, value, textModel, true);
                case "visual", "text" -> {
                    int slot = "visual".equals(name) ? 0 : 1;
                    if (value == JsonToken.START_ARRAY) {
                        pair[slot] = JsonObjectStream.numbers(parser);
                        bad |= pair[slot] == null || pair[slot].length == 0;
                    } else if (value != JsonToken.VALUE_NULL) {
                        parser.skipChildren();
                        bad = true;
                    }
                }
                default -> parser.skipChildren();
            }
        }

        @Override
        public void end() {
            if (bad || itemId == null || itemId.isBlank() || pair[0] == null && pair[1] == null
                    || pair[0] != null && (visualModel == null || visualModel.isBlank())
                    || pair[1] != null && (textModel == null || textModel.isBlank())
                    || !sameDimensions(pair, dimensions)) {
                return;
            }
            vectors.put(itemId.trim(), pair);
        }
    }

    /** A scalar field's text (null when null or empty); a structure keeps what an earlier field gave. */
    private static String scalar(JsonParser parser, JsonToken value, String earlier, boolean preferred)
            throws IOException {
        if (!value.isScalarValue()) {
            parser.skipChildren();
            return earlier;
        }
        String text = JsonObjectStream.text(value, parser);
        return earlier == null || preferred ? text : earlier;
    }

    /** Whether the vectors have the dimensions of the rows before (recording them on the first row that has them). */
    private static boolean sameDimensions(float[][] pair, int[] dimensions) {
        for (int m = 0; m < 2; m++) {
            if (pair[m] != null && dimensions[m] != 0 && pair[m].length != dimensions[m]) {
                return false;
            }
        }
        for (int m = 0; m < 2; m++) {
            if (pair[m] != null) {
                dimensions[m] = pair[m].length;
            }
        }
        return true;
    }
}
