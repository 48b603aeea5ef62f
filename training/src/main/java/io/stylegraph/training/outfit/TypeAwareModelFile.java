package io.stylegraph.training.outfit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file format of a {@link TypeAwareModel}: an 8-byte magic, a version, a JSON header (dimension, vocabularies,
 * features, training parameters) and the seven float tables (bias, type, category, item, projection, masks, pair
 * bias), each as its length and its values, little-endian. A model that carries a
 * {@link TypeAwareModel.TextCategoryBlend} has it in the header under {@value #BLEND}: the weight, the category names
 * and their mean text vectors, and the co-occurrence counts (keys, endpoint counts, pair counts as
 * {@code [key, key, count]}, the number of pairs); a model that carries a {@link TypeAwareModel.WordBlend} has it
 * under {@value #WORDS}: the weight, the number of training names and each word's document frequency. Files
 * without either (older ones) load as models without that blend, and
 * older builds ignore it. Written through a temporary file in the same folder and
 * renamed, so a reader never sees half a model.
 */
final class TypeAwareModelFile {

    private static final byte[] MAGIC = "SGOUTFIT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int TABLES = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BLEND = "textCategoryBlend";
    static final String WORDS = "wordOverlap";

    private TypeAwareModelFile() {
    }

    static void save(TypeAwareModel model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".writing-", ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
             DataOutputStream out = new DataOutputStream(stream)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            byte[] header = JSON.writeValueAsBytes(header(model));
            out.writeInt(header.length);
            out.write(header);
            for (float[] table : model.tables()) {
                writeFloats(out, table);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static TypeAwareModel load(Path file) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(stream)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a Stylegraph outfit model (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has model format version " + version + ", this build reads "
                        + VERSION);
            }
            byte[] headerBytes = in.readNBytes(in.readInt());
            JsonNode header = JSON.readTree(headerBytes);
            List<FeatureSpec> features = new ArrayList<>();
            for (JsonNode f : header.get("features")) {
                features.add(new FeatureSpec(f.get("name").asText(), f.get("dimension").asInt()));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            header.get("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            float[][] tables = new float[TABLES][];
            for (int i = 0; i < tables.length; i++) {
                tables[i] = readFloats(in);
            }
            TypeAwareModel model = new TypeAwareModel(header.get("dimension").asInt(),
                    strings(header.get("types")), strings(header.get("categories")), strings(header.get("itemIds")),
                    features, parameters, tables[0], tables[1], tables[2], tables[3], tables[4], tables[5],
                    tables[6]);
            JsonNode blend = header.get(BLEND);
            try {
                model = blend == null || blend.isNull() ? model : model.withTextCategoryBlend(readBlend(blend));
            } catch (RuntimeException e) {
                throw new IOException(file + " has an unreadable " + BLEND + ": " + e.getMessage(), e);
            }
            JsonNode words = header.get(WORDS);
            try {
                return words == null || words.isNull() ? model : model.withWordBlend(readWords(words));
            } catch (RuntimeException e) {
                throw new IOException(file + " has an unreadable " + WORDS + ": " + e.getMessage(), e);
            }
        }
    }

    private static ObjectNode header(TypeAwareModel model) {
        TypeAwareVocabulary vocabulary = model.vocabulary;
        ObjectNode header = JSON.createObjectNode();
        header.put("model", TypeAwareModel.NAME);
        header.put("dimension", model.dimension);
        header.set("types", array(vocabulary.types));
        header.set("categories", array(vocabulary.categories));
        header.set("itemIds", array(vocabulary.itemIds));
        ArrayNode featureArray = header.putArray("features");
        for (FeatureSpec f : vocabulary.features) {
            featureArray.addObject().put("name", f.name()).put("dimension", f.dimension());
        }
        ObjectNode params = header.putObject("parameters");
        model.parameters().forEach(params::put);
        model.textCategoryBlend().ifPresent(blend -> header.set(BLEND, writeBlend(blend)));
        model.wordBlend().ifPresent(words -> header.set(WORDS, writeWords(words)));
        return header;
    }

    private static ObjectNode writeBlend(TypeAwareModel.TextCategoryBlend blend) {
        TextCategoryCooccurrence cooccurrence = blend.cooccurrence();
        CooccurrenceModel.Counts counts = cooccurrence.counts();
        ObjectNode node = JSON.createObjectNode();
        node.put("weight", blend.weight());
        node.set("categories", array(cooccurrence.categoryNames()));
        ArrayNode centroids = node.putArray("centroids");
        for (float[] centroid : cooccurrence.centroids()) {
            ArrayNode values = centroids.addArray();
            for (float v : centroid) {
                values.add(v);
            }
        }
        node.set("keys", array(counts.keys()));
        ArrayNode endpoints = node.putArray("endpoints");
        for (int n : counts.endpoints()) {
            endpoints.add(n);
        }
        ArrayNode pairs = node.putArray("pairs");
        for (int[] pair : counts.pairs()) {
            pairs.addArray().add(pair[0]).add(pair[1]).add(pair[2]);
        }
        node.put("total", counts.total());
        return node;
    }

    private static ObjectNode writeWords(TypeAwareModel.WordBlend words) {
        ObjectNode node = JSON.createObjectNode();
        node.put("weight", words.weight());
        node.put("documents", words.overlap().documents());
        ObjectNode frequencies = node.putObject("frequencies");
        new java.util.TreeMap<>(words.overlap().frequencies()).forEach(frequencies::put);
        return node;
    }

    private static TypeAwareModel.WordBlend readWords(JsonNode node) {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        JsonNode table = required(node, "frequencies");
        if (!table.isObject()) {
            throw new IllegalArgumentException("frequencies is not an object");
        }
        table.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("frequency of '" + e.getKey() + "' is not an integer");
            }
            frequencies.put(e.getKey(), e.getValue().asInt());
        });
        return new TypeAwareModel.WordBlend(WordOverlap.of(frequencies, required(node, "documents").asInt()),
                required(node, "weight").asDouble());
    }

    private static TypeAwareModel.TextCategoryBlend readBlend(JsonNode node) {
        List<float[]> centroids = new ArrayList<>();
        for (JsonNode centroid : required(node, "centroids")) {
            float[] values = new float[centroid.size()];
            for (int d = 0; d < values.length; d++) {
                values[d] = (float) centroid.get(d).asDouble();
            }
            centroids.add(values);
        }
        JsonNode endpointNode = required(node, "endpoints");
        int[] endpoints = new int[endpointNode.size()];
        for (int i = 0; i < endpoints.length; i++) {
            endpoints[i] = endpointNode.get(i).asInt();
        }
        List<int[]> pairs = new ArrayList<>();
        for (JsonNode pair : required(node, "pairs")) {
            pairs.add(new int[] {pair.get(0).asInt(), pair.get(1).asInt(), pair.get(2).asInt()});
        }
        CooccurrenceModel.Counts counts = CooccurrenceModel.Counts.restore(strings(required(node, "keys")),
                endpoints, pairs, required(node, "total").asLong());
        return new TypeAwareModel.TextCategoryBlend(TextCategoryCooccurrence.restore(
                strings(required(node, "categories")), centroids, counts), required(node, "weight").asDouble());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            if (!buffer.hasRemaining()) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putFloat(value);
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt model file: negative table length");
        }
        byte[] bytes = in.readNBytes(length * 4);
        if (bytes.length != length * 4) {
            throw new IOException("corrupt model file: table cut short");
        }
        float[] values = new float[length];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
