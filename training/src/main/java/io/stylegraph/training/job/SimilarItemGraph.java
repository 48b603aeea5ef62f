package io.stylegraph.training.job;

import java.util.Collections;
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
