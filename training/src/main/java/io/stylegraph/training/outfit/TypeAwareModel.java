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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-aware outfit compatibility (after Vasileva et al., ECCV 2018; this is an own formulation).
 *
 * <p><b>General space.</b> An item's embedding is
 * {@code e = b + T[type] + C[category] + I[item] + Σ_f W_f x_f}: a learned vector per type (slot), per category and,
 * where enabled, per item id seen in training, plus a linear projection of each content vector {@code x_f} the item
 * has (the text vector of its name, optionally visual vectors or trained recommender embeddings). A missing part
 * adds nothing: an item without a name is its type and category; an item of an unknown category is its type and
 * content. {@code u = e / |e|}.
 *
 * <p><b>Type-pair subspaces.</b> Every unordered pair of types (p, q) has its own weighting {@code m_pq} of the
 * general space's dimensions (the "mask" of the paper, here signed and learned freely) and a bias; two items meet
 * only in their pair's subspace: {@code s(i, j) = Σ_k m_pq[k] u_i[k] u_j[k] + c_pq}. So "goes with" need not be
 * transitive across slots: shoes can match a bag and a dress without the bag matching the dress in the same way,
 * and similarity within a slot (two tops alike) is not mistaken for compatibility.
 *
 * <p><b>Outfit.</b> The score of an outfit is the mean of its pair scores; the weakest pair is the one to swap.
 *
 * <p>Saved as one file: an 8-byte magic, a version, a JSON header (dimension, vocabularies, features, training
 * parameters) and the float tables, little-endian. Thread-safe for scoring once built.
 */
public final class TypeAwareModel implements CompatibilityModel {

    public static final String NAME = "type-aware";
    private static final byte[] MAGIC = "SGOUTFIT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    final int dimension;
    final List<String> types;
    final List<String> categories;
    final List<String> itemIds;
    final List<FeatureSpec> features;
    final Map<String, String> parameters;
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final int[] featureOffsets;
    final int contentDimension;
    private final int otherType;

    final float[] bias;
    final float[] typeEmbedding;
    final float[] categoryEmbedding;
    final float[] itemEmbedding;
    final float[] projection;
    final float[] masks;
    final float[] pairBias;

    /** An item mapped onto the model's vocabularies; {@code content} is null when it has no content vector. */
    record Encoded(int type, int category, int item, float[] content) {
        Encoded withoutCategory() {
            return category < 0 ? this : new Encoded(type, -1, item, content);
        }
    }

    TypeAwareModel(int dimension, List<String> types, List<String> categories, List<String> itemIds,
                   List<FeatureSpec> features, Map<String, String> parameters, float[] bias, float[] typeEmbedding,
                   float[] categoryEmbedding, float[] itemEmbedding, float[] projection, float[] masks,
                   float[] pairBias) {
        this.dimension = dimension;
        this.types = List.copyOf(types);
        this.categories = List.copyOf(categories);
        this.itemIds = List.copyOf(itemIds);
        this.features = List.copyOf(features);
        this.parameters = Map.copyOf(parameters);
        for (int i = 0; i < types.size(); i++) {
            typeIndex.put(types.get(i), i);
        }
        for (int i = 0; i < categories.size(); i++) {
            categoryIndex.put(categories.get(i), i);
        }
        for (int i = 0; i < itemIds.size(); i++) {
            itemIndex.put(itemIds.get(i), i);
        }
        featureOffsets = new int[features.size()];
        int offset = 0;
        for (int f = 0; f < features.size(); f++) {
            featureOffsets[f] = offset;
            offset += features.get(f).dimension();
        }
        contentDimension = offset;
        otherType = typeIndex.getOrDefault("other", -1);
        int pairs = numPairs(types.size());
        check("bias", bias, dimension);
        check("type embedding", typeEmbedding, types.size() * dimension);
        check("category embedding", categoryEmbedding, categories.size() * dimension);
        check("item embedding", itemEmbedding, itemIds.size() * dimension);
        check("projection", projection, contentDimension * dimension);
        check("masks", masks, pairs * dimension);
        check("pair bias", pairBias, pairs);
        this.bias = bias;
        this.typeEmbedding = typeEmbedding;
        this.categoryEmbedding = categoryEmbedding;
        this.itemEmbedding = itemEmbedding;
        this.projection = projection;
        this.masks = masks;
        this.pairBias = pairBias;
    }

    private static void check(String what, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, expected " + expected);
        }
    }

    static int numPairs(int types) {
        return types * (types + 1) / 2;
    }

    /** Index of the unordered type pair (a, b) in the triangular pair tables. */
    int pairIndex(int a, int b) {
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        return a * (2 * types.size() - a + 1) / 2 + (b - a);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int dimension() {
        return dimension;
    }

    public List<String> types() {
        return types;
    }

    public List<FeatureSpec> features() {
        return features;
    }

    /** The training settings and provenance this model was built with. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The same model with {@code extra} added to its parameters (provenance such as the text encoder's id). */
    public TypeAwareModel withParameters(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(extra);
        return new TypeAwareModel(dimension, types, categories, itemIds, features, merged, bias, typeEmbedding,
                categoryEmbedding, itemEmbedding, projection, masks, pairBias);
    }

    /**
     * Maps an item onto the vocabularies. An unknown type counts as {@code other} when the model knows that type
     * and is an error otherwise; an unknown category or item id is simply absent; a feature the model does not
     * read is ignored.
     */
    Encoded encode(ItemVectors item) {
        Integer type = typeIndex.get(item.type());
        if (type == null) {
            if (otherType < 0) {
                throw new IllegalArgumentException("unknown item type '" + item.type() + "' (item " + item.id()
                        + "); the model knows " + types);
            }
            type = otherType;
        }
        int category = item.category() == null ? -1 : categoryIndex.getOrDefault(item.category(), -1);
        int id = itemIndex.getOrDefault(item.id(), -1);
        float[] content = null;
        for (int f = 0; f < features.size(); f++) {
            FeatureSpec spec = features.get(f);
            float[] vector = item.features().get(spec.name());
            if (vector == null) {
                continue;
            }
            if (vector.length != spec.dimension()) {
                throw new IllegalArgumentException(spec.name() + " vector of item " + item.id() + " has "
                        + vector.length + " dimensions, the model reads " + spec.dimension());
            }
            if (content == null) {
                content = new float[contentDimension];
            }
            System.arraycopy(vector, 0, content, featureOffsets[f], vector.length);
        }
        return new Encoded(type, category, id, content);
    }

    /** Writes the unit-length general-space vector of an item into {@code u}; returns |e| before normalizing. */
    float embed(Encoded item, float[] u) {
        int d = dimension;
        System.arraycopy(bias, 0, u, 0, d);
        add(u, typeEmbedding, item.type() * d);
        if (item.category() >= 0) {
            add(u, categoryEmbedding, item.category() * d);
        }
        if (item.item() >= 0) {
            add(u, itemEmbedding, item.item() * d);
        }
        float[] x = item.content();
        if (x != null) {
            for (int r = 0; r < x.length; r++) {
                float value = x[r];
                if (value != 0) {
                    int offset = r * d;
                    for (int k = 0; k < d; k++) {
                        u[k] += value * projection[offset + k];
                    }
                }
            }
        }
        double sum = 1e-12;
        for (int k = 0; k < d; k++) {
            sum += (double) u[k] * u[k];
        }
        float norm = (float) Math.sqrt(sum);
        for (int k = 0; k < d; k++) {
            u[k] /= norm;
        }
        return norm;
    }

    private void add(float[] target, float[] table, int offset) {
        for (int k = 0; k < dimension; k++) {
            target[k] += table[offset + k];
        }
    }

    /** The pair score of two embedded items of the given types. */
    double pair(int typeA, float[] ua, int typeB, float[] ub) {
        int p = pairIndex(typeA, typeB);
        int offset = p * dimension;
        double s = pairBias[p];
        for (int k = 0; k < dimension; k++) {
            s += masks[offset + k] * ua[k] * ub[k];
        }
        return s;
    }

    private float[][] embedAll(List<Encoded> items) {
        float[][] u = new float[items.size()][dimension];
        for (int i = 0; i < items.size(); i++) {
            embed(items.get(i), u[i]);
        }
        return u;
    }

    /** The pool embedded once: the {@link CompatibilityIndex} the service ranks its catalogue with. */
    @Override
    public PoolScorer poolScorer(List<ItemVectors> pool) {
        return CompatibilityIndex.build(this, pool);
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        Encoded ea = encode(a);
        Encoded eb = encode(b);
        float[][] u = embedAll(List.of(ea, eb));
        return pair(ea.type(), u[0], eb.type(), u[1]);
    }

    @Override
    public OutfitScore score(List<ItemVectors> outfit) {
        List<Encoded> encoded = outfit.stream().map(this::encode).toList();
        float[][] u = embedAll(encoded);
        List<PairScore> pairs = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < outfit.size(); i++) {
            for (int j = i + 1; j < outfit.size(); j++) {
                double s = pair(encoded.get(i).type(), u[i], encoded.get(j).type(), u[j]);
                pairs.add(new PairScore(outfit.get(i).id(), outfit.get(j).id(), s));
                sum += s;
            }
        }
        return new OutfitScore(pairs.isEmpty() ? 0 : sum / pairs.size(), pairs);
    }

    @Override
    public double outfitScore(List<ItemVectors> outfit) {
        List<Encoded> encoded = outfit.stream().map(this::encode).toList();
        float[][] u = embedAll(encoded);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < outfit.size(); i++) {
            for (int j = i + 1; j < outfit.size(); j++) {
                sum += pair(encoded.get(i).type(), u[i], encoded.get(j).type(), u[j]);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    @Override
    public double candidateScore(List<ItemVectors> partial, ItemVectors candidate) {
        if (partial.isEmpty()) {
            return 0;
        }
        Encoded c = encode(candidate);
        float[] uc = new float[dimension];
        embed(c, uc);
        float[] ui = new float[dimension];
        double sum = 0;
        for (ItemVectors item : partial) {
            Encoded e = encode(item);
            embed(e, ui);
            sum += pair(e.type(), ui, c.type(), uc);
        }
        return sum / partial.size();
    }

    // ---- persistence ----

    /** Writes the model to {@code file} (through a temporary file in the same folder, then renamed). */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".writing-", ".tmp");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
             DataOutputStream out = new DataOutputStream(stream)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            byte[] header = JSON.writeValueAsBytes(header());
            out.writeInt(header.length);
            out.write(header);
            for (float[] table : tables()) {
                writeFloats(out, table);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static TypeAwareModel load(Path file) throws IOException {
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
            float[][] tables = new float[7][];
            for (int i = 0; i < tables.length; i++) {
                tables[i] = readFloats(in);
            }
            return new TypeAwareModel(header.get("dimension").asInt(), strings(header.get("types")),
                    strings(header.get("categories")), strings(header.get("itemIds")), features, parameters,
                    tables[0], tables[1], tables[2], tables[3], tables[4], tables[5], tables[6]);
        }
    }

    private ObjectNode header() {
        ObjectNode header = JSON.createObjectNode();
        header.put("model", NAME);
        header.put("dimension", dimension);
        header.set("types", array(types));
        header.set("categories", array(categories));
        header.set("itemIds", array(itemIds));
        ArrayNode featureArray = header.putArray("features");
        for (FeatureSpec f : features) {
            featureArray.addObject().put("name", f.name()).put("dimension", f.dimension());
        }
        ObjectNode params = header.putObject("parameters");
        parameters.forEach(params::put);
        return header;
    }

    private List<float[]> tables() {
        return List.of(bias, typeEmbedding, categoryEmbedding, itemEmbedding, projection, masks, pairBias);
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
