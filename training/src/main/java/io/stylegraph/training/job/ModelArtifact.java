package io.stylegraph.training.job;

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
 * {@code metadata.json} (provenance, parameters, metrics, data counts). Written to a temporary folder and renamed, so
 * a reader never sees half an artifact.
 */
public record ModelArtifact(Path directory, List<String> userIds, List<String> itemIds, int dimension,
                            float[] userEmbeddings, float[] itemEmbeddings, Map<String, Object> metadata) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelArtifact {
        if (userEmbeddings.length != userIds.size() * dimension || itemEmbeddings.length != itemIds.size() * dimension) {
            throw new IllegalArgumentException("embedding sizes do not match the id lists and dimension " + dimension);
        }
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
        Map<String, Object> withShape = new java.util.LinkedHashMap<>(metadata);
        withShape.put("dimension", dimension);
        withShape.put("users", userIds.size());
        withShape.put("items", itemIds.size());
        JSON.writeValue(temporary.resolve("metadata.json").toFile(), withShape);
        Path published = publish(temporary, target);
        return new ModelArtifact(published, userIds, itemIds, dimension, userEmbeddings, itemEmbeddings, withShape);
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
                readFloats(directory.resolve("item-embeddings.f32"), items.size() * dimension), metadata);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
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
