package io.stylegraph.training.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.stylegraph.graph.domain.Signal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

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

    private static final JsonFactory JSON = new JsonFactory();
    private static final double VALID_FRACTION = 0.1;
    private static final double TEST_FRACTION = 0.1;

    private StreamingFolderLoader() {
    }

    public static GenericFolderLoader.Loaded load(Path folder) {
        Path interactions = firstExisting(folder, "interactions.jsonl", "interactions.jsonl.gz");
        if (interactions == null) {
            return GenericFolderLoader.load(folder);
        }
        try {
            Map<String, float[][]> vectors = readVectors(firstExisting(folder, "vectors.jsonl", "vectors.jsonl.gz"));
            Rows rows = readInteractions(interactions);
            Dataset dataset = split(folder.getFileName().toString(), rows);
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

    private static JsonParser open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return JSON.createParser(in);
    }

    /** The interactions as read: parallel primitive arrays on provisional ids (order of first appearance). */
    private static final class Rows {
        final Map<String, Integer> userIds = new HashMap<>();
        final Map<String, Integer> itemIds = new HashMap<>();
        final List<String> users = new ArrayList<>();
        final List<String> items = new ArrayList<>();
        int[] user = new int[1 << 12];
        int[] item = new int[1 << 12];
        long[] time = new long[1 << 12];
        boolean[] like = new boolean[1 << 12];
        int count;

        void add(String userId, String itemId, long at, boolean isLike) {
            if (count == user.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, count * 2L);
                user = Arrays.copyOf(user, grown);
                item = Arrays.copyOf(item, grown);
                time = Arrays.copyOf(time, grown);
                like = Arrays.copyOf(like, grown);
            }
            user[count] = id(userIds, users, userId);
            item[count] = id(itemIds, items, itemId);
            time[count] = at;
            like[count] = isLike;
            count++;
        }

        private static int id(Map<String, Integer> ids, List<String> names, String name) {
            Integer known = ids.get(name);
            if (known != null) {
                return known;
            }
            ids.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }
    }

    private static Rows readInteractions(Path file) throws IOException {
        Rows rows = new Rows();
        long accepted = 0;
        try (JsonParser parser = open(file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                String userId = null;
                String itemId = null;
                String signal = null;
                String timeText = null;
                String position = null;
                String split = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
                    if (!value.isScalarValue()) {
                        parser.skipChildren();
                    }
                    if (text != null && text.isEmpty()) {
                        text = null;
                    }
                    switch (field) {
                        case "user_id", "userId" -> userId = userId == null || "user_id".equals(field) ? text : userId;
                        case "item_id", "itemId" -> itemId = itemId == null || "item_id".equals(field) ? text : itemId;
                        case "signal" -> signal = text;
                        case "time" -> timeText = text;
                        case "position" -> position = text;
                        case "split" -> split = text;
                        default -> {
                        }
                    }
                }
                if (userId == null || userId.isBlank() || itemId == null || itemId.isBlank()) {
                    continue;
                }
                Optional<Signal> parsed = Signal.parse(signal);
                if (parsed.isEmpty() || split != null && !List.of("train", "valid", "test").contains(split)) {
                    continue;
                }
                long at;
                try {
                    Instant instant = parseTime(timeText);
                    at = instant != null ? instant.toEpochMilli()
                            : position != null ? Integer.parseInt(position.trim()) : accepted;
                } catch (DateTimeParseException | NumberFormatException rejected) {
                    continue;
                }
                accepted++;
                rows.add(userId.trim(), itemId.trim(), at, parsed.get() == Signal.LIKE);
            }
        }
        return rows;
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

    /**
     * The split of {@link ChronologicalSplitter}: ids in order of first appearance among the likes, then among the
     * dislikes; per user its likes in time order (ties in file order), an item's first like only.
     */
    private static Dataset split(String name, Rows rows) {
        int[] userOf = new int[rows.users.size()];
        int[] itemOf = new int[rows.items.size()];
        Arrays.fill(userOf, -1);
        Arrays.fill(itemOf, -1);
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        for (int pass = 0; pass < 2; pass++) {
            boolean likes = pass == 0;
            for (int k = 0; k < rows.count; k++) {
                if (rows.like[k] == likes) {
                    if (userOf[rows.user[k]] < 0) {
                        userOf[rows.user[k]] = users.intern(rows.users.get(rows.user[k]));
                    }
                    if (itemOf[rows.item[k]] < 0) {
                        itemOf[rows.item[k]] = items.intern(rows.items.get(rows.item[k]));
                    }
                }
            }
        }
        int numUsers = users.size();
        int numItems = items.size();
        // the likes grouped by user, in file order within a user (a stable counting sort)
        int[] start = new int[numUsers + 1];
        int likes = 0;
        for (int k = 0; k < rows.count; k++) {
            if (rows.like[k]) {
                start[userOf[rows.user[k]] + 1]++;
                likes++;
            }
        }
        for (int u = 0; u < numUsers; u++) {
            start[u + 1] += start[u];
        }
        int[] byUser = new int[likes];
        int[] fill = Arrays.copyOf(start, numUsers);
        for (int k = 0; k < rows.count; k++) {
            if (rows.like[k]) {
                byUser[fill[userOf[rows.user[k]]]++] = k;
            }
        }
        InteractionMatrix.Builder train = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder valid = InteractionMatrix.builder(numUsers, numItems);
        InteractionMatrix.Builder test = InteractionMatrix.builder(numUsers, numItems);
        long[] trainCutoff = new long[numUsers];
        boolean[] hasLikes = new boolean[numUsers];
        boolean[] seen = new boolean[numItems];
        int[] ordered = new int[0];
        for (int u = 0; u < numUsers; u++) {
            int from = start[u];
            int to = start[u + 1];
            if (from == to) {
                continue;
            }
            hasLikes[u] = true;
            sortByTime(byUser, from, to, rows.time);
            if (ordered.length < to - from) {
                ordered = new int[to - from];
            }
            int n = 0;
            for (int k = from; k < to; k++) {
                int item = itemOf[rows.item[byUser[k]]];
                if (!seen[item]) {
                    seen[item] = true;
                    ordered[n++] = byUser[k];
                }
            }
            int numTest = n < 3 ? 0 : (int) Math.ceil(n * TEST_FRACTION);
            int numValid = n < 3 ? 0 : (int) Math.ceil(n * VALID_FRACTION);
            if (n - numTest - numValid < 1) {
                numTest = 1;
                numValid = 1;
            }
            for (int k = 0; k < n; k++) {
                int item = itemOf[rows.item[ordered[k]]];
                seen[item] = false;
                (k >= n - numTest ? test : k >= n - numTest - numValid ? valid : train).add(u, item);
            }
            trainCutoff[u] = rows.time[ordered[n - numTest - numValid - 1]];
        }
        InteractionMatrix.Builder disliked = InteractionMatrix.builder(numUsers, numItems);
        for (int k = 0; k < rows.count; k++) {
            if (!rows.like[k]) {
                int u = userOf[rows.user[k]];
                if (!hasLikes[u] || rows.time[k] <= trainCutoff[u]) {
                    disliked.add(u, itemOf[rows.item[k]]);
                }
            }
        }
        return new Dataset(name, users, items, new Split(train.build(), valid.build(), test.build()),
                disliked.build());
    }

    /** Sorts rows[from, to) by their time, stably (a merge sort on ints: no boxing). */
    private static void sortByTime(int[] rows, int from, int to, long[] time) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            sorted = time[rows[k - 1]] <= time[rows[k]];
        }
        if (sorted) {
            return;
        }
        int[] buffer = new int[to - from];
        for (int width = 1; width < to - from; width *= 2) {
            for (int left = from; left < to - width; left += 2 * width) {
                int mid = left + width;
                int right = Math.min(left + 2 * width, to);
                int a = left;
                int b = mid;
                int out = 0;
                while (a < mid && b < right) {
                    buffer[out++] = time[rows[b]] < time[rows[a]] ? rows[b++] : rows[a++];
                }
                while (a < mid) {
                    buffer[out++] = rows[a++];
                }
                while (b < right) {
                    buffer[out++] = rows[b++];
                }
                System.arraycopy(buffer, 0, rows, left, out);
            }
        }
    }

    /** Each item's [visual, text] vectors (either may be null) by item id. */
    private static Map<String, float[][]> readVectors(Path file) throws IOException {
        Map<String, float[][]> vectors = new HashMap<>();
        if (file == null) {
            return vectors;
        }
        int[] dimensions = {0, 0};
        try (JsonParser parser = open(file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                String itemId = null;
                String visualModel = null;
                String textModel = null;
                float[][] pair = new float[2][];
                boolean bad = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "item_id", "itemId" -> itemId = scalar(parser, value, itemId, "item_id".equals(field));
                        case "visual_model", "visualModel" -> visualModel = scalar(parser, value, visualModel, true);
                        case "text_model", "textModel" -> textModel = scalar(parser, value, textModel, true);
                        case "visual", "text" -> {
                            int slot = "visual".equals(field) ? 0 : 1;
                            if (value == JsonToken.START_ARRAY) {
                                pair[slot] = numbers(parser);
                                bad |= pair[slot] == null || pair[slot].length == 0;
                            } else if (value != JsonToken.VALUE_NULL) {
                                parser.skipChildren();
                                bad = true;
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
                if (bad || itemId == null || itemId.isBlank() || pair[0] == null && pair[1] == null
                        || pair[0] != null && (visualModel == null || visualModel.isBlank())
                        || pair[1] != null && (textModel == null || textModel.isBlank())
                        || !sameDimensions(pair, dimensions)) {
                    continue;
                }
                vectors.put(itemId.trim(), pair);
            }
        }
        return vectors;
    }

    private static String scalar(JsonParser parser, JsonToken value, String earlier, boolean preferred)
            throws IOException {
        if (!value.isScalarValue()) {
            parser.skipChildren();
            return earlier;
        }
        String text = value == JsonToken.VALUE_NULL ? null : parser.getText();
        text = text == null || text.isEmpty() ? null : text;
        return earlier == null || preferred ? text : earlier;
    }

    /** The array's numbers, or null when one is not a finite number (the array is consumed either way). */
    private static float[] numbers(JsonParser parser) throws IOException {
        float[] values = new float[64];
        int n = 0;
        boolean finite = true;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = parser.getDoubleValue();
                finite &= Double.isFinite(v);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = (float) v;
            } else {
                parser.skipChildren();
                finite = false;
            }
        }
        return finite ? Arrays.copyOf(values, n) : null;
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
