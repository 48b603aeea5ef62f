package io.stylegraph.training.model;

import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.graph.ItemNeighbours;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Content-only item-kNN: each item keeps its k most cosine-similar items over the content vectors (weighted over
 * modalities as in {@link ItemNeighbours#pairs()}), and a user's score for item j is the sum of j's similarities to
 * the user's liked items. Likes enter only as the user's history, never as item–item evidence, so this is what item
 * content alone can do. Equal scores are broken by train popularity, scaled below the smallest difference a
 * similarity can make.
 */
public final class ContentKnnTrainer implements Trainer<ItemKnnModel> {

    public static final String NAME = "content-knn";

    private final int k;

    public ContentKnnTrainer(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        this.k = k;
    }

    @Override
    public ItemKnnModel train(TrainingData data, TrainingListener listener) {
        if (data.features().isEmpty()) {
            throw new IllegalArgumentException("content-knn needs item content features; the data has none");
        }
        long start = System.nanoTime();
        ItemNeighbours neighbours = new ItemKnnGraph(k).neighbours(data.features());
        int numItems = data.numItems();
        // similar[j] lists (i, s): item j is among i's neighbours, so a like of i adds s to j
        int[] rowStart = new int[numItems + 1];
        for (ItemNeighbours.Pair pair : neighbours.pairs()) {
            rowStart[pair.item() + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] columns = new int[rowStart[numItems]];
        float[] values = new float[rowStart[numItems]];
        int[] fill = rowStart.clone();
        for (ItemNeighbours.Pair pair : neighbours.pairs()) {
            int at = fill[pair.item()]++;
            columns[at] = pair.other();
            values[at] = (float) pair.score();
        }
        int[] degrees = data.likes().itemDegrees();
        int maxDegree = 1;
        for (int d : degrees) {
            maxDegree = Math.max(maxDegree, d);
        }
        float[] prior = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            prior[i] = 1e-4f * degrees[i] / maxDegree;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelProvenance provenance = new ModelProvenance(NAME, getClass().getName(), parameters(), 0, data.counts(),
                "none", 0, 0, Map.of(), Instant.now(), seconds);
        return new ItemKnnModel(data.likes(), rowStart, columns, values, prior, provenance);
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("k", String.valueOf(k));
        return p;
    }
}
