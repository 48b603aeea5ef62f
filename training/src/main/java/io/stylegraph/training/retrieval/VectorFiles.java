package io.stylegraph.training.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Item vectors of one model kept in a file between evaluation runs, so re-running the measurement does not embed the
 * catalogue again. The file names the model; a file written by another model is ignored.
 */
public final class VectorFiles {
    private static final int MAGIC = 0x53475631;

    private VectorFiles() {
    }

    public static Optional<Map<String, float[]>> read(Path file, String modelId) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(modelId)) {
                return Optional.empty();
            }
            int count = in.readInt();
            int dimension = in.readInt();
            Map<String, float[]> vectors = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                float[] vector = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.put(id, vector);
            }
            return Optional.of(vectors);
        }
    }

    public static void write(Path file, String modelId, Map<String, float[]> vectors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        int dimension = vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial),
                1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(modelId);
            out.writeInt(vectors.size());
            out.writeInt(dimension);
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                out.writeUTF(entry.getKey());
                for (float x : entry.getValue()) {
                    out.writeFloat(x);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
