package io.stylegraph.training.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.training.index.DbaSettings;
import io.stylegraph.training.index.HnswSettings;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an embedded catalogue's vector indexes and compares an HNSW graph with the exact scan on the same queries:
 * recall@k of the graph's answers, unfiltered and under each query's slot and gender, and the latency of both.
 */
public final class HnswComparison {
    private static final Logger LOG = LoggerFactory.getLogger(HnswComparison.class);

    private final EmbeddedCatalogue catalogue;
    private final Function<Modality, String> modelIds;
    private final DbaSettings dba;
    private final Map<String, Item> byId = new HashMap<>();

    /**
     * @param modelIds the model each modality's vectors came from
     * @param dba      the indexes' database-side augmentation
     */
    public HnswComparison(EmbeddedCatalogue catalogue, Function<Modality, String> modelIds, DbaSettings dba) {
        this.catalogue = catalogue;
        this.modelIds = modelIds;
        this.dba = dba;
        catalogue.items().forEach(item -> byId.put(item.id(), item));
    }

    /**
     * The modality's vectors in an index with these settings, each item with its slot and gender; the graph, if the
     * index is over the threshold, is built before this returns.
     */
    public VectorIndex index(Modality modality, HnswSettings hnsw) {
        Map<String, float[]> vectors = catalogue.vectors().get(modality.wireName());
        int dimension = vectors.values().stream().findFirst().map(v -> v.length).orElse(1);
        VectorIndex index = new VectorIndex(modality, modelIds.apply(modality), dimension, hnsw, Runnable::run, dba);
        List<ItemVector> rows = new ArrayList<>(vectors.size());
        vectors.forEach((id, vector) -> {
            Item item = byId.get(id);
            rows.add(new ItemVector(id, item.slot(), item.gender(), vector));
        });
        index.upsert(rows);
        return index;
    }

    /**
     * For each modality, builds an HNSW graph with {@code graph}'s M, efConstruction and ef (its threshold is ignored:
     * the graph is always built) and compares it with {@code exact}'s answers for the query items, which must be in
     * both modalities.
     */
    public List<HnswRow> compare(Map<Modality, VectorIndex> exact, HnswSettings graph, List<Item> queries, int k) {
        HnswSettings always = new HnswSettings(0, graph.m(), graph.efConstruction(), graph.ef());
        List<HnswRow> rows = new ArrayList<>();
        for (Modality modality : Modality.values()) {
            VectorIndex scan = exact.get(modality);
            LOG.info("Building an HNSW graph over {} {} vectors", scan.size(), modality.wireName());
            long started = System.nanoTime();
            VectorIndex approximate = index(modality, always);
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            double recall = recall(scan, approximate, queries, k, false);
            double filteredRecall = recall(scan, approximate, queries, k, true);
            LatencyRow exactTime = LatencyRow.measure("exact " + modality.wireName(), queries,
                    item -> scan.search(vector(scan, item), SearchFilter.NONE.excluding(item.id()), k));
            LatencyRow approximateTime = LatencyRow.measure("hnsw " + modality.wireName(), queries,
                    item -> approximate.search(vector(scan, item), SearchFilter.NONE.excluding(item.id()), k));
            rows.add(new HnswRow(modality.wireName(), approximate.size(), always.m(), always.efConstruction(),
                    always.ef(), round(buildSeconds), round(recall), round(filteredRecall), exactTime,
                    approximateTime));
            LOG.info("HNSW {}: built in {} s, recall@{} {} (filtered {})", modality.wireName(), round(buildSeconds),
                    k, round(recall), round(filteredRecall));
        }
        return rows;
    }

    private static double recall(VectorIndex exact, VectorIndex approximate, List<Item> queries, int k,
                                 boolean filtered) {
        long hits = 0;
        long total = 0;
        for (Item item : queries) {
            SearchFilter filter = filtered ? new SearchFilter(item.slot(), item.gender(), item.id())
                    : SearchFilter.NONE.excluding(item.id());
            float[] query = vector(exact, item);
            Set<String> truth = new HashSet<>();
            exact.search(query, filter, k).forEach(found -> truth.add(found.itemId()));
            for (ScoredItem found : approximate.search(query, filter, k)) {
                hits += truth.contains(found.itemId()) ? 1 : 0;
            }
            total += truth.size();
        }
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    private static float[] vector(VectorIndex index, Item item) {
        return index.vector(item.id()).orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
