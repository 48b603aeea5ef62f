package io.stylegraph.training.outfit;

import io.stylegraph.models.TextEncoder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Encodes distinct texts (item names) in batches with a {@link TextEncoder}, printing progress in texts per second.
 * An optional cache file keeps vectors between runs (it is keyed by the encoder's model id and is derived data:
 * keep it out of the repository).
 */
public final class TextVectors {

    /** What an encoding pass did. */
    public record Stats(int distinct, int encoded, int fromCache, double seconds) {
        public double perSecond() {
            return seconds > 0 ? encoded / seconds : 0;
        }
    }

    private static final int BATCH = 256;

    private TextVectors() {
    }

    /** Vectors of the distinct non-blank texts; {@code stats[0]} receives what was done when not null. */
    public static Map<String, float[]> encode(TextEncoder encoder, Collection<String> texts, Path cacheFile,
                                              PrintStream log, Stats[] stats) throws IOException {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                distinct.add(text);
            }
        }
        Map<String, float[]> vectors = cacheFile == null ? new HashMap<>() : readCache(cacheFile, encoder);
        vectors.keySet().retainAll(distinct);
        int fromCache = vectors.size();
        List<String> missing = new ArrayList<>();
        for (String text : distinct) {
            if (!vectors.containsKey(text)) {
                missing.add(text);
            }
        }
        long start = System.nanoTime();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<float[]> encoded = encoder.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), encoded.get(i));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int done = from + batch.size();
            if (log != null) {
                log.printf(Locale.ROOT, "encoded %d/%d names with %s (%.0f names/s)%n", done, missing.size(),
                        encoder.modelId(), done / Math.max(seconds, 1e-9));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (cacheFile != null && !missing.isEmpty()) {
            writeCache(cacheFile, encoder, vectors);
        }
        if (stats != null) {
            stats[0] = new Stats(distinct.size(), missing.size(), fromCache, seconds);
        }
        return vectors;
    }

    private static Map<String, float[]> readCache(Path file, TextEncoder encoder) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return vectors;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(encoder.modelId()) || in.readInt() != encoder.dimension()) {
                return vectors;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String text = in.readUTF();
                float[] vector = new float[encoder.dimension()];
                for (int k = 0; k < vector.length; k++) {
                    vector[k] = in.readFloat();
                }
                vectors.put(text, vector);
            }
        } catch (EOFException e) {
            vectors.clear();
        }
        return vectors;
    }

    private static void writeCache(Path file, TextEncoder encoder, Map<String, float[]> vectors) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".writing-", ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeUTF(encoder.modelId());
            out.writeInt(encoder.dimension());
            out.writeInt(vectors.size());
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                out.writeUTF(entry.getKey());
                for (float value : entry.getValue()) {
                    out.writeFloat(value);
                }
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
