package io.stylegraph.training.outfit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nearest text category of every catalogue item ({@link TextCategoryCooccurrence#nearestIndex}), kept in a file
 * so that a restart over the same items and model reads them back instead of comparing every item with every
 * centroid again.
 *
 * <p>Each entry is keyed by what its category was computed from: a 64-bit hash of the item's text vector (so items
 * with the same words share one entry), under a file header naming the digest of the centroids
 * ({@link TextCategoryCooccurrence#digest()}). Only items whose text vector has no entry are computed. The file is
 * read in one go and checked (magic, version, digest, length, CRC-32): a missing, damaged or foreign file is treated
 * as empty, so every category is computed and the file rewritten. It is rewritten (a temporary file moved over it)
 * whenever an entry was computed or is no longer used.
 */
public final class TextCategoryAssignments {
    private static final Logger LOG = LoggerFactory.getLogger(TextCategoryAssignments.class);
    private static final int MAGIC = 0x53475443; // "SGTC"
    private static final int VERSION = 1;
    private static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES;

    /** How one assignment went: categories read back, computed, and the time taken (file read and write included). */
    public record Outcome(int restored, int computed, long millis, boolean written) {
    }

    /** The categories of {@link #assign}: per row the index of {@link TextCategoryCooccurrence#nearestIndex}. */
    record Assigned(int[] categories, Outcome outcome) {
    }

    private TextCategoryAssignments() {
    }

    /**
     * The nearest category of every item, read from {@code file} where it holds the item's text vector under this
     * model, computed otherwise; {@code file} null computes every one and stores nothing. A file that cannot be
     * written is logged and left as it is.
     */
    static Assigned assign(TextCategoryCooccurrence model, List<ItemVectors> items, Path file) {
        long started = System.nanoTime();
        Map<Long, Integer> stored = file == null ? Map.of() : read(file, model.digest(), model.categoryNames().size());
        int[] categories = new int[items.size()];
        long[] hashes = new long[items.size()];
        boolean[] missing = new boolean[items.size()];
        Map<Long, Integer> used = new HashMap<>();
        int restored = 0;
        for (int row = 0; row < items.size(); row++) {
            float[] text = items.get(row).features().get(ItemVectors.TEXT);
            if (text == null) {
                categories[row] = -1;
                continue;
            }
            hashes[row] = hash(text);
            Integer known = stored.get(hashes[row]);
            if (known == null) {
                missing[row] = true;
            } else {
                categories[row] = known;
                used.put(hashes[row], known);
                restored++;
            }
        }
        // comparing an item with every centroid is the costly part, so the missing ones spread over the cores
        IntStream.range(0, items.size()).parallel().filter(row -> missing[row]).forEach(row ->
                categories[row] = model.nearestIndex(items.get(row).features().get(ItemVectors.TEXT)));
        int computed = 0;
        for (int row = 0; row < items.size(); row++) {
            if (missing[row]) {
                used.put(hashes[row], categories[row]);
                computed++;
            }
        }
        boolean write = file != null && (computed > 0 || used.size() != stored.size());
        if (write) {
            write = write(file, model.digest(), used);
        }
        return new Assigned(categories, new Outcome(restored, computed, (System.nanoTime() - started) / 1_000_000,
                write));
    }

    /** FNV-1a over the vector's float bits and length, then a final mix (64 bits: no clash among a catalogue's). */
    static long hash(float[] vector) {
        long h = 0xcbf29ce484222325L ^ vector.length;
        for (float v : vector) {
            h = (h ^ Float.floatToIntBits(v)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** The stored entries when the file is this model's and intact, else none (why is logged). */
    private static Map<Long, Integer> read(Path file, String digest, int categoryCount) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Map.of();
        } catch (IOException e) {
            LOG.warn("Text categories of {} not read, computing them: {}", file, e.toString());
            return Map.of();
        }
        String unusable = null;
        Map<Long, Integer> entries = new HashMap<>();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, Math.max(0, bytes.length - Long.BYTES));
            if (bytes.length < 3 * Integer.BYTES + Long.BYTES || buffer.getInt() != MAGIC) {
                unusable = "not a text-category file";
            } else if (buffer.getLong(bytes.length - Long.BYTES) != crc.getValue()) {
                unusable = "damaged (checksum)";
            } else if (buffer.getInt() != VERSION) {
                unusable = "another version";
            } else {
                int nameLength = buffer.getInt();
                byte[] name = new byte[Math.max(0, Math.min(nameLength, buffer.remaining()))];
                buffer.get(name);
                int count = buffer.getInt();
                if (!digest.equals(new String(name, StandardCharsets.UTF_8))) {
                    unusable = "made under another model";
                } else if (buffer.remaining() != (long) count * ENTRY_BYTES + Long.BYTES) {
                    unusable = "damaged (length)";
                } else {
                    for (int e = 0; e < count && unusable == null; e++) {
                        long key = buffer.getLong();
                        int category = buffer.getInt();
                        if (category < -1 || category >= categoryCount) {
                            unusable = "damaged (category " + category + ")";
                        }
                        entries.put(key, category);
                    }
                }
            }
        } catch (RuntimeException malformed) { // a length field pointing past the end
            unusable = "damaged (" + malformed + ")";
        }
        if (unusable != null) {
            LOG.warn("Text categories of {} not used, computing them: {}", file, unusable);
            return Map.of();
        }
        return entries;
    }

    /** Writes the entries to a temporary file beside {@code file} and moves it over; false (logged) on failure. */
    private static boolean write(Path file, String digest, Map<Long, Integer> entries) {
        byte[] name = digest.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(4 * Integer.BYTES + name.length + entries.size() * ENTRY_BYTES
                + Long.BYTES);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(name.length).put(name).putInt(entries.size());
        entries.forEach((key, category) -> buffer.putLong(key).putInt(category));
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putLong(crc.getValue());
        Path temporary = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(temporary, buffer.array());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            LOG.warn("Text categories not stored in {}: {}", file, e.toString());
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // the temporary file stays; the next write makes another
            }
            return false;
        }
    }
}
