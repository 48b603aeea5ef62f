package io.stylegraph.training.graph;

import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.kernel.TransposedProduct;
import io.stylegraph.training.data.ItemFeatures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * FREEDOM's frozen item–item graph: per modality, each item links to its k most cosine-similar items (itself
 * included, as in the paper's code), the binary kNN matrix is normalized D^-1/2·A·D^-1/2 on its row degrees, and
 * the modalities are summed with their weights (scaled to sum to one). Items without a vector in a modality have no
 * edges in it. Similarities are computed in blocks through an ND4J product up to {@link #EXACT_UP_TO} items; above
 * that the exact build costs items² products (10^12 at 1 M items), so each item is compared only with the items of
 * its nearest k-means cells ({@link CellNeighbours}, still one BLAS product per cell): items^1.5 inner products,
 * with recall@k against the exact build measured in ItemKnnGraphTest and by {@link #sampledRecall} at scale.
 */
public final class ItemKnnGraph {

    private static final int BLOCK = 1024;
    /** Items above which the neighbours are found approximately (HNSW) rather than exactly. */
    public static final int EXACT_UP_TO = 100_000;
    /** Cells an item's neighbours are searched in above the threshold; {@link #sampledRecall} measures the recall. */
    public static final int DEFAULT_PROBES = CellNeighbours.DEFAULT_PROBES;
    private static final long SEED = 1;

    private final int k;
    private final int exactUpTo;
    private final int probes;

    public ItemKnnGraph(int k) {
        this(k, EXACT_UP_TO);
    }

    /** With the number of items above which the neighbours are found approximately. */
    public ItemKnnGraph(int k, int exactUpTo) {
        this(k, exactUpTo, DEFAULT_PROBES);
    }

    /** With the threshold and the number of cells each item searches in the approximate build. */
    public ItemKnnGraph(int k, int exactUpTo, int probes) {
        if (k < 1 || exactUpTo < 0 || probes < 1) {
            throw new IllegalArgumentException("k and probes must be positive and the threshold not negative");
        }
        this.k = k;
        this.exactUpTo = exactUpTo;
        this.probes = probes;
    }

    /**
     * Recall@k of found neighbours against the exact ones, on a seeded sample of at most {@code sample} items with a
     * vector per modality: the exact neighbours of a sampled item cost one pass over the items, so this measures an
     * approximate build at sizes where the exact build is out of reach. Over all modalities' sampled items.
     */
    public static double sampledRecall(ItemFeatures features, ItemNeighbours found, int sample, long seed) {
        int k = found.k();
        long hits = 0;
        long wanted = 0;
        for (int m = 0; m < features.modalities().size(); m++) {
            float[][] vectors = features.modalities().get(m).vectors();
            ItemNeighbours.Modality knn = found.modalities().get(m);
            List<Integer> present = new ArrayList<>();
            float[][] unit = new float[vectors.length][];
            for (int i = 0; i < vectors.length; i++) {
                unit[i] = unitOrNull(vectors[i]);
                if (unit[i] != null) {
                    present.add(i);
                }
            }
            java.util.Collections.shuffle(present, new java.util.Random(seed + m));
            for (int s = 0; s < Math.min(sample, present.size()); s++) {
                int i = present.get(s);
                int[] best = new int[k];
                float[] bestScore = new float[k];
                Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
                int filled = 0;
                for (int j = 0; j < unit.length; j++) {
                    if (unit[j] == null) {
                        continue;
                    }
                    float score = 0;
                    for (int d = 0; d < unit[j].length; d++) {
                        score += unit[i][d] * unit[j][d];
                    }
                    if (filled < k || score > bestScore[k - 1]) {
                        int at = Math.min(filled, k - 1);
                        filled = Math.min(filled + 1, k);
                        while (at > 0 && bestScore[at - 1] < score) {
                            bestScore[at] = bestScore[at - 1];
                            best[at] = best[at - 1];
                            at--;
                        }
                        bestScore[at] = score;
                        best[at] = j;
                    }
                }
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int n = 0; n < filled; n++) {
                    truth.add(best[n]);
                }
                for (int n = 0; n < knn.count()[i]; n++) {
                    hits += truth.remove(knn.index()[i * k + n]) ? 1 : 0; // a neighbour listed twice counts once
                }
                wanted += filled;
            }
        }
        return wanted == 0 ? 1 : (double) hits / wanted;
    }

    private static float[] unitOrNull(float[] v) {
        if (v == null) {
            return null;
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return null;
        }
        float[] unit = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            unit[d] = (float) (v[d] / Math.sqrt(norm));
        }
        return unit;
    }

    public CsrMatrix build(ItemFeatures features) {
        return build(neighbours(features));
    }

    /** Each item's k nearest items by cosine, per modality with vectors. */
    public ItemNeighbours neighbours(ItemFeatures features) {
        List<ItemNeighbours.Modality> modalities = new ArrayList<>();
        for (ItemFeatures.Modality modality : features.modalities()) {
            Neighbours knn = neighbours(modality.vectors());
            modalities.add(new ItemNeighbours.Modality(modality.name(), modality.weight(), knn.index, knn.similarity,
                    knn.count));
        }
        return new ItemNeighbours(features.numItems(), k, modalities);
    }

    /** The normalized, weighted sum of the modalities' binary kNN matrices. */
    public CsrMatrix build(ItemNeighbours knnGraph) {
        if (knnGraph.k() != k) {
            throw new IllegalArgumentException("neighbours were found with k = " + knnGraph.k() + ", not " + k);
        }
        int numItems = knnGraph.numItems();
        double totalWeight = knnGraph.modalities().stream().mapToDouble(ItemNeighbours.Modality::weight).sum();
        List<int[]> rowsList = new ArrayList<>();
        List<int[]> colsList = new ArrayList<>();
        List<float[]> valsList = new ArrayList<>();
        int count = 0;
        for (ItemNeighbours.Modality knn : knnGraph.modalities()) {
            int total = 0;
            for (int c : knn.count()) {
                total += c;
            }
            int[] degree = knn.count();
            int[] rows = new int[total];
            int[] cols = new int[total];
            float[] vals = new float[total];
            int at = 0;
            float scale = (float) (knn.weight() / totalWeight);
            for (int i = 0; i < numItems; i++) {
                for (int n = 0; n < degree[i]; n++) {
                    int j = knn.index()[i * k + n];
                    rows[at] = i;
                    cols[at] = j;
                    // MMRec normalizes by row sums on both sides; every row sum is the row's neighbour count
                    vals[at] = scale * (float) (1.0 / Math.sqrt((double) degree[i] * Math.max(1, degree[j])));
                    at++;
                }
            }
            rowsList.add(rows);
            colsList.add(cols);
            valsList.add(vals);
            count += at;
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        float[] vals = new float[count];
        int at = 0;
        for (int m = 0; m < rowsList.size(); m++) {
            int n = rowsList.get(m).length;
            System.arraycopy(rowsList.get(m), 0, rows, at, n);
            System.arraycopy(colsList.get(m), 0, cols, at, n);
            System.arraycopy(valsList.get(m), 0, vals, at, n);
            at += n;
        }
        return CsrMatrix.fromTriplets(numItems, numItems, rows, cols, vals, count, false);
    }

    private record Neighbours(int[] index, float[] similarity, int[] count) {
    }

    private Neighbours neighbours(float[][] vectors) {
        int numItems = vectors.length;
        int dim = 0;
        for (float[] v : vectors) {
            if (v != null) {
                dim = v.length;
                break;
            }
        }
        float[] normalized = new float[numItems * Math.max(dim, 1)];
        boolean[] present = new boolean[numItems];
        for (int i = 0; i < numItems; i++) {
            float[] v = vectors[i];
            if (v == null) {
                continue;
            }
            double norm = 0;
            for (float x : v) {
                norm += (double) x * x;
            }
            if (norm == 0) {
                continue;
            }
            present[i] = true;
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dim; j++) {
                normalized[i * dim + j] = v[j] * inv;
            }
        }
        int[] index = new int[numItems * k];
        float[] similarity = new float[numItems * k];
        int[] count = new int[numItems];
        if (dim == 0) {
            return new Neighbours(index, similarity, count);
        }
        if (numItems > exactUpTo) {
            return approximate(normalized, dim, present, index, similarity, count);
        }
        INDArray all = Nd4j.create(normalized, new long[] {numItems, dim}, 'c');
        TransposedProduct product = new TransposedProduct();
        float[] sims = new float[Math.min(BLOCK, numItems) * numItems];
        for (int from = 0; from < numItems; from += BLOCK) {
            int to = Math.min(numItems, from + BLOCK);
            float[] block = Arrays.copyOfRange(normalized, from * dim, to * dim);
            product.multiply(Nd4j.create(block, new long[] {to - from, dim}, 'c'), all, sims);
            for (int i = from; i < to; i++) {
                if (!present[i]) {
                    continue;
                }
                count[i] = topK(sims, (i - from) * numItems, numItems, present, index, similarity, i * k);
            }
        }
        return new Neighbours(index, similarity, count);
    }

    /** The k nearest present items of each present item among its nearest cells' items (itself included). */
    private Neighbours approximate(float[] normalized, int dim, boolean[] present, int[] index, float[] similarity,
                                   int[] count) {
        int[] rows = IntStream.range(0, present.length).filter(i -> present[i]).toArray();
        CellNeighbours.find(normalized, dim, rows, k, probes, SEED, index, similarity, count);
        return new Neighbours(index, similarity, count);
    }

    /**
     * Writes the indices and scores of the k largest present scores of one row, best first, at {@code outOffset};
     * returns how many were found.
     */
    private int topK(float[] scores, int offset, int numItems, boolean[] present, int[] out, float[] best,
                     int outOffset) {
        int found = 0;
        for (int j = 0; j < numItems; j++) {
            if (present[j]) {
                found = CellNeighbours.offer(best, out, outOffset, k, found, scores[offset + j], j);
            }
        }
        return found;
    }
}
