package io.stylegraph.training.job;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.stylegraph.training.graph.ItemNeighbours;

/**
 * A training run's item–item kNN graph as {@link SimilarItems} with the catalogue's ids, for analysts' {@code SIMILAR}
 * edges. The pairs are made as they are read from the run's compact neighbour table, never held all at once: at 1 M
 * items there are about 27 M of them.
 */
public final class SimilarItemGraph implements Iterable<SimilarItems> {
    /** A run without item features has no item graph. */
    public static final SimilarItemGraph EMPTY = new SimilarItemGraph(null, List.of());

    private final ItemNeighbours neighbours;
    private final List<String> itemIds;
    private long size = -1;

    private SimilarItemGraph(ItemNeighbours neighbours, List<String> itemIds) {
        this.neighbours = neighbours;
        this.itemIds = itemIds;
    }

    /**
     * @param neighbours the run's item graph, null for none
     * @param itemIds    the items' ids by their number in {@code neighbours}
     */
    public static SimilarItemGraph of(ItemNeighbours neighbours, List<String> itemIds) {
        if (neighbours == null) {
            return EMPTY;
        }
        Objects.requireNonNull(itemIds, "itemIds");
        if (itemIds.size() < neighbours.numItems()) {
            throw new IllegalArgumentException(neighbours.numItems() + " items in the graph, " + itemIds.size()
                    + " ids");
        }
        return new SimilarItemGraph(neighbours, itemIds);
    }

    /** The number of pairs, counted once without making them. */
    public synchronized long size() {
        if (size < 0) {
            size = neighbours == null ? 0 : neighbours.pairCount();
        }
        return size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * SHA-256 (hex) of what the pairs are made from: the item ids in order and, per modality, its name, weight and
     * every item's neighbours with their cosines. Two runs over the same items and vectors give the same digest; any
     * change to an id, a neighbour or a cosine changes it. Computed from the compact table, without making the pairs.
     */
    public String digest() {
        MessageDigest sha = sha256();
        if (neighbours == null) {
            return HexFormat.of().formatHex(sha.digest());
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < neighbours.numItems(); i++) {
            byte[] id = itemIds.get(i).getBytes(StandardCharsets.UTF_8);
            put(sha, buffer, 4).putInt(id.length);
            flush(sha, buffer);
            sha.update(id);
        }
        for (ItemNeighbours.Modality m : neighbours.modalities()) {
            byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
            put(sha, buffer, 4).putInt(name.length);
            flush(sha, buffer);
            sha.update(name);
            put(sha, buffer, 12).putDouble(m.weight()).putInt(neighbours.k());
            for (int i = 0; i < neighbours.numItems(); i++) {
                int count = m.count()[i];
                put(sha, buffer, 4).putInt(count);
                for (int n = 0; n < count; n++) {
                    int slot = i * neighbours.k() + n;
                    put(sha, buffer, 8).putInt(m.index()[slot]).putFloat(m.similarity()[slot]);
                }
            }
        }
        flush(sha, buffer);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@code buffer} with room for {@code bytes} more, fed to the digest first when it had none. */
    private static ByteBuffer put(MessageDigest sha, ByteBuffer buffer, int bytes) {
        if (buffer.remaining() < bytes) {
            flush(sha, buffer);
        }
        return buffer;
    }

    private static void flush(MessageDigest sha, ByteBuffer buffer) {
        buffer.flip();
        sha.update(buffer);
        buffer.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Item by item, each item's pairs best modality first as {@link ItemNeighbours#pairs()} lists them. */
    @Override
    public Iterator<SimilarItems> iterator() {
        if (neighbours == null) {
            return Collections.emptyIterator();
        }
        Iterator<ItemNeighbours.Pair> pairs = neighbours.pairIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pairs.hasNext();
            }

            @Override
            public SimilarItems next() {
                ItemNeighbours.Pair p = pairs.next();
                return new SimilarItems(itemIds.get(p.item()), itemIds.get(p.other()), p.score(), p.cosines());
            }
        };
    }

    /** The pairs in {@link #iterator()}'s order, made as the stream is read. */
    public Stream<SimilarItems> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), size(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }
}
