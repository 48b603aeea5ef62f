package io.stylegraph.training.job;

import io.stylegraph.training.model.ItemNeighbourTable;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trained embedding model on disk: {@code users.txt} / {@code items.txt} (external ids, one per line, in row
 * order), {@code user-embeddings.f32} / {@code item-embeddings.f32} (row-major little-endian float32) and
 * {@code metadata.json} (provenance, parameters, metrics, data counts), and, where the run chose to blend in an
 * item-walk, {@code item-walk.bin} (its {@link ItemNeighbourTable} over the items' rows: little-endian int32 magic,
 * item count, neighbour count, then the row offsets, neighbour columns, float32 weights and float32 prior; a table
 * whose unreached items have lookalikes has its own magic, the lookalike count after the neighbour count and the
 * lookalike offsets and items at the end). Written to
 * a temporary folder and renamed, so a reader never sees half an artifact.
 */
public record ModelArtifact(Path directory, List<String> userIds, List<String> itemIds, int dimension,
                            float[] userEmbeddings, float[] itemEmbeddings, Map<String, Object> metadata,
                            ItemNeighbourTable itemWalk) {

    /** The first four bytes of {@code item-walk.bin}: "SGW1". */
    private static final int WALK_MAGIC = 0x53475731;
    /** A table with its lookalike lists: after the neighbour count, the lookalike count; after the prior, the lists. */
    private static final int WALK_MAGIC_LOOKALIKES = 0x53475732;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelArtifact {
        if (userEmbeddings.length != userIds.size() * dimension || itemEmbeddings.length != itemIds.size() * dimension) {
            throw new IllegalArgumentException("embedding sizes do not match the id lists and dimension " + dimension);
        }
        if (itemWalk != null && itemWalk.numItems() != itemIds.size()) {
            throw new IllegalArgumentException("item-walk over " + itemWalk.numItems() + " items, the model has "
                    + itemIds.size());
        }
    }

    /** An artifact without an item-walk. */
    public ModelArtifact(Path directory, List<String> userIds, List<String> itemIds, int dimension,
                         float[] userEmbeddings, float[] itemEmbeddings, Map<String, Object> metadata) {
        this(directory, userIds, itemIds, dimension, userEmbeddings, itemEmbeddings, metadata, null);
    }

    /** The same artifact carrying {@code walk} (null: none). */
    public ModelArtifact withItemWalk(ItemNeighbourTable walk) {
        return new ModelArtifact(directory, userIds, itemIds, dimension, userEmbeddings, itemEmbeddings, metadata,
                walk);
    }

    /**
     * Writes the artifact to {@code target}, or to {@code target-2}, {@code target-3}, ... when that folder is taken
     * (two runs finishing within the same second). The atomic rename decides, so concurrent writers never collide.
     */
    public ModelArtifact writeTo(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, ".writing-");
        Files.write(temporary.resolve("users.txt"), userIds, StandardCharsets.UTF_8);
        Files.write(temporary.resolve("items.txt"), itemIds, StandardCharsets.UTF_8);
        writeFloats(temporary.resolve("user-embeddings.f32"), userEmbeddings);
        writeFloats(temporary.resolve("item-embeddings.f32"), itemEmbeddings);
        if (itemWalk != null) {
            writeWalk(temporary.resolve(WALK_FILE), itemWalk);
        }
        Map<String, Object> withShape = new java.util.LinkedHashMap<>(metadata);
        withShape.put("dimension", dimension);
        withShape.put("users", userIds.size());
        withShape.put("items", itemIds.size());
        JSON.writeValue(temporary.resolve("metadata.json").toFile(), withShape);
        Path published = publish(temporary, target);
        return new ModelArtifact(published, userIds, itemIds, dimension, userEmbeddings, itemEmbeddings, withShape,
                itemWalk);
    }

    private static Path publish(Path temporary, Path target) throws IOException {
        for (int attempt = 1; attempt <= 1000; attempt++) {
            Path candidate = attempt == 1 ? target : target.resolveSibling(target.getFileName() + "-" + attempt);
            if (Files.exists(candidate)) {
                continue;
            }
            try {
                Files.move(temporary, candidate, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return candidate;
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException taken) {
                // another writer won this name between the check and the rename; try the next one
            }
        }
        throw new IOException("no free folder name next to " + target);
    }

    @SuppressWarnings("unchecked")
    public static ModelArtifact read(Path directory) throws IOException {
        Map<String, Object> metadata = JSON.readValue(directory.resolve("metadata.json").toFile(), Map.class);
        int dimension = ((Number) metadata.get("dimension")).intValue();
        List<String> users = Files.readAllLines(directory.resolve("users.txt"), StandardCharsets.UTF_8);
        List<String> items = Files.readAllLines(directory.resolve("items.txt"), StandardCharsets.UTF_8);
        return new ModelArtifact(directory, users, items, dimension,
                readFloats(directory.resolve("user-embeddings.f32"), users.size() * dimension),
                readFloats(directory.resolve("item-embeddings.f32"), items.size() * dimension), metadata,
                Files.exists(directory.resolve(WALK_FILE)) ? readWalk(directory.resolve(WALK_FILE), items.size())
                        : null);
    }

    private static final String WALK_FILE = "item-walk.bin";

    private static void writeWalk(Path file, ItemNeighbourTable walk) throws IOException {
        int n = walk.numItems();
        int nnz = walk.size();
        boolean lookalikes = walk.hasLookalikes();
        int lookalikeCount = lookalikes ? walk.lookalikes().length : 0;
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (3 + n + 1 + nnz) + Float.BYTES * (nnz + n)
                        + (lookalikes ? Integer.BYTES * (1 + n + 1 + lookalikeCount) : 0))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(lookalikes ? WALK_MAGIC_LOOKALIKES : WALK_MAGIC).putInt(n).putInt(nnz);
        if (lookalikes) {
            buffer.putInt(lookalikeCount);
        }
        buffer.asIntBuffer().put(walk.rowStart());
        buffer.position(buffer.position() + Integer.BYTES * (n + 1));
        buffer.asIntBuffer().put(walk.columns());
        buffer.position(buffer.position() + Integer.BYTES * nnz);
        buffer.asFloatBuffer().put(walk.values());
        buffer.position(buffer.position() + Float.BYTES * nnz);
        buffer.asFloatBuffer().put(walk.prior());
        buffer.position(buffer.position() + Float.BYTES * n);
        if (lookalikes) {
            buffer.asIntBuffer().put(walk.lookalikeStart());
            buffer.position(buffer.position() + Integer.BYTES * (n + 1));
            buffer.asIntBuffer().put(walk.lookalikes());
        }
        Files.write(file, buffer.array());
    }

    private static ItemNeighbourTable readWalk(Path file, int expectedItems) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buffer.remaining() < 3 * Integer.BYTES ? 0 : buffer.getInt();
        if (magic != WALK_MAGIC && magic != WALK_MAGIC_LOOKALIKES) {
            throw new IOException(file + " is not an item-walk table");
        }
        boolean lookalikes = magic == WALK_MAGIC_LOOKALIKES;
        int n = buffer.getInt();
        int nnz = buffer.getInt();
        int lookalikeCount = lookalikes && buffer.remaining() >= Integer.BYTES ? buffer.getInt() : 0;
        long expected = (long) Integer.BYTES * (n + 1 + nnz) + (long) Float.BYTES * (nnz + n)
                + (lookalikes ? (long) Integer.BYTES * (n + 1 + lookalikeCount) : 0);
        if (n != expectedItems || nnz < 0 || lookalikeCount < 0 || buffer.remaining() != expected) {
            throw new IOException(file + " does not hold a table over the artifact's " + expectedItems + " items");
        }
        int[] rowStart = new int[n + 1];
        int[] columns = new int[nnz];
        float[] values = new float[nnz];
        float[] prior = new float[n];
        buffer.asIntBuffer().get(rowStart);
        buffer.position(buffer.position() + Integer.BYTES * (n + 1));
        buffer.asIntBuffer().get(columns);
        buffer.position(buffer.position() + Integer.BYTES * nnz);
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + Float.BYTES * nnz);
        buffer.asFloatBuffer().get(prior);
        buffer.position(buffer.position() + Float.BYTES * n);
        int[] lookalikeStart = null;
        int[] lookalikeItems = null;
        if (lookalikes) {
            lookalikeStart = new int[n + 1];
            lookalikeItems = new int[lookalikeCount];
            buffer.asIntBuffer().get(lookalikeStart);
            buffer.position(buffer.position() + Integer.BYTES * (n + 1));
            buffer.asIntBuffer().get(lookalikeItems);
        }
        try {
            return new ItemNeighbourTable(rowStart, columns, values, prior, lookalikeStart, lookalikeItems);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code values} as little-endian float32, the format of the artifact's vector files. */
    public static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        try (OutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(buffer.array());
        }
    }

    private static float[] readFloats(Path file, int expected) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != (long) expected * Float.BYTES) {
            throw new IOException(file + " holds " + bytes.length / Float.BYTES + " floats, expected " + expected);
        }
        float[] values = new float[expected];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
