package io.stylegraph.training.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index's HNSW graph on disk, so a restart loads it instead of building it again. The file is a header (magic,
 * format version, model id, dimension, M, efConstruction, item count and {@link #checksum} of the ids and vectors the
 * graph was built over), the index's rows without their vectors (each id with its slot, gender and the input its
 * vector came from, since format 2), the graph in {@link HnswGraph#write}'s form (layers, neighbour lists, ids,
 * vectors), then the CRC32C of the rows and graph. With the rows, a restart restores the whole index from the file
 * ({@link VectorIndex#restoreSaved}); a format-1 file still serves its graph. It is written to a temporary file beside
 * the target and renamed over it, so a crash leaves the old file or the new one, never half of one. A file that is
 * missing, truncated, corrupt or saved for another model or other settings reads as empty (logged): the caller builds
 * the graph again.
 */
final class HnswFile {
    private static final Logger LOG = LoggerFactory.getLogger(HnswFile.class);
    private static final int MAGIC = 0x53474857; // "SGHW"
    private static final short FORMAT_VERSION = 2;
    /** The format before the rows were saved: a graph only. */
    private static final short GRAPH_ONLY_VERSION = 1;
    private static final int BUFFER = 1 << 16;
    private static final int NO_ROWS = -1;

    /** What a saved graph was built for and over. */
    record Header(String modelId, int dimension, int m, int efConstruction, int count, long checksum) {
        /** True when a graph saved under this header can serve an index with the other's model and settings. */
        boolean compatible(Header other) {
            return modelId.equals(other.modelId) && dimension == other.dimension && m == other.m
                    && efConstruction == other.efConstruction;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(out)) {
                data.writeInt(MAGIC);
                data.writeShort(FORMAT_VERSION);
                data.writeUTF(modelId);
                data.writeInt(dimension);
                data.writeInt(m);
                data.writeInt(efConstruction);
                data.writeInt(count);
                data.writeLong(checksum);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }
    }

    /**
     * A graph read back with the header it was saved under, and the rows saved with it (null in a format-1 file or
     * when saved without them).
     */
    record Saved(Header header, HnswGraph graph, SavedRows rows) {
    }

    /** The index's rows as saved, without their vectors (the graph holds those); an input may be null. */
    record SavedRows(String[] ids, byte[] slots, byte[] genders, String[] inputs) {
    }

    private HnswFile() {
    }

    /**
     * Fingerprint of the first {@code count} rows' ids and vectors: a sum of one hash per row, so it does not depend
     * on the order the rows were loaded in. Slots and genders are left out; the graph does not hold them.
     */
    static long checksum(IndexRows rows) {
        long sum = rows.count;
        for (int row = 0; row < rows.count; row++) {
            long hash = 0xcbf29ce484222325L ^ rows.ids[row].hashCode();
            int offset = row * rows.dimension;
            for (int i = 0; i < rows.dimension; i++) {
                hash = (hash ^ Float.floatToRawIntBits(rows.data[offset + i])) * 0x100000001b3L;
            }
            hash ^= hash >>> 33;
            hash *= 0xff51afd7ed558ccdL;
            hash ^= hash >>> 33;
            sum += hash;
        }
        return sum;
    }

    /**
     * Writes the rows and the graph over them under the header, atomically replacing the file. The caller keeps adds
     * out meanwhile, so the two hold the same items. {@code rows} may be null: a graph saved on its own.
     */
    static void write(Path file, Header header, HnswGraph graph, IndexRows rows) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                out.write(header.bytes());
                CRC32C crc = new CRC32C();
                CheckedOutputStream payload = new CheckedOutputStream(out, crc);
                writeRows(new DataOutputStream(payload), rows);
                graph.write(payload);
                payload.flush();
                DataOutputStream trailer = new DataOutputStream(out);
                trailer.writeLong(crc.getValue());
                trailer.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The graph saved in the file when it is whole and was saved for the expected model and settings (its item count
     * and checksum may differ: the caller compares them); empty otherwise, with the reason logged.
     */
    static Optional<Saved> read(Path file, Header expected, HnswSettings settings) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            Header header;
            short version;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                if (in.readInt() != MAGIC) {
                    return ignored(file, "not a saved HNSW graph");
                }
                version = in.readShort();
                if (version != FORMAT_VERSION && version != GRAPH_ONLY_VERSION) {
                    return ignored(file, "format version " + version + ", this service reads " + FORMAT_VERSION);
                }
                header = new Header(in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readLong());
            }
            if (!header.compatible(expected)) {
                LOG.info("Saved HNSW graph {} is for {} ({} dimensions, M {}, efConstruction {}), the index is for {} "
                                + "({}, {}, {}): building a new one", file, header.modelId(), header.dimension(),
                        header.m(), header.efConstruction(), expected.modelId(), expected.dimension(), expected.m(),
                        expected.efConstruction());
                return Optional.empty();
            }
            int headerLength = header.bytes().length;
            long payloadLength = size - headerLength - Long.BYTES;
            if (payloadLength <= 0) {
                return ignored(file, "truncated");
            }
            long stored;
            CRC32C crc = new CRC32C();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                in.skipNBytes(headerLength);
                byte[] buffer = new byte[BUFFER];
                long left = payloadLength;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        return ignored(file, "truncated");
                    }
                    crc.update(buffer, 0, read);
                    left -= read;
                }
                stored = in.readLong();
            }
            if (stored != crc.getValue()) {
                return ignored(file, "checksum mismatch (corrupt or truncated)");
            }
            HnswGraph graph;
            SavedRows rows = null;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
                in.skipNBytes(headerLength);
                if (version == FORMAT_VERSION) {
                    rows = readRows(new DataInputStream(in), header.count());
                }
                graph = HnswGraph.read(in, settings);
            }
            if (graph.size() != header.count() || graph.m() != header.m()
                    || graph.efConstruction() != header.efConstruction()) {
                return ignored(file, "its graph does not match its header");
            }
            return Optional.of(new Saved(header, graph, rows));
        } catch (IOException | RuntimeException e) {
            return ignored(file, e.toString());
        }
    }

    /** The rows without their vectors; a graph saved without rows (null) writes a count of -1. */
    private static void writeRows(DataOutputStream out, IndexRows rows) throws IOException {
        if (rows == null) {
            out.writeInt(NO_ROWS);
            out.flush();
            return;
        }
        out.writeInt(rows.count);
        for (int row = 0; row < rows.count; row++) {
            out.writeUTF(rows.ids[row]);
            out.writeByte(rows.slots[row]);
            out.writeByte(rows.genders[row]);
            String input = rows.inputs[row];
            out.writeBoolean(input != null);
            if (input != null) {
                out.writeUTF(input);
            }
        }
        out.flush();
    }

    private static SavedRows readRows(DataInputStream in, int expected) throws IOException {
        int count = in.readInt();
        if (count == NO_ROWS) {
            return null;
        }
        if (count != expected) {
            throw new IOException(count + " rows saved with a graph of " + expected + " items");
        }
        String[] ids = new String[count];
        byte[] slots = new byte[count];
        byte[] genders = new byte[count];
        String[] inputs = new String[count];
        for (int row = 0; row < count; row++) {
            ids[row] = in.readUTF();
            slots[row] = in.readByte();
            genders[row] = in.readByte();
            if (slots[row] < 0 || slots[row] >= Slot.values().length || genders[row] < IndexRows.NO_GENDER
                    || genders[row] >= Gender.values().length) {
                throw new IOException("row " + row + " has slot code " + slots[row] + " and gender code "
                        + genders[row]);
            }
            inputs[row] = in.readBoolean() ? in.readUTF() : null;
        }
        return new SavedRows(ids, slots, genders, inputs);
    }

    private static Optional<Saved> ignored(Path file, String reason) {
        LOG.warn("Saved HNSW graph {} ignored, the graph is built again: {}", file, reason);
        return Optional.empty();
    }
}
