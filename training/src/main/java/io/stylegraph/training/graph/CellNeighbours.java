package io.stylegraph.training.graph;

import io.stylegraph.training.kernel.TransposedProduct;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The k nearest rows of every row of a set of unit vectors by an inverted file: spherical k-means on a seeded sample
 * splits the rows into about √rows cells; each row is assigned to its nearest cell and compared exactly with the
 * members of its {@code probes} nearest cells. The comparisons of a cell are one dense product (queries × members)
 * through BLAS, so the build runs at matrix-product speed rather than one scalar distance at a time, which is what
 * made an HNSW build of the training item graph take 25 minutes at 230k items. Cost: rows · probes · rows/cells
 * inner products, rows^1.5 with cells = √rows (4.6·10^8 at 230k items and 8 probes, 8·10^9 at 1 M). Deterministic
 * for a seed.
 */
final class CellNeighbours {

    /** Cells each row searches; recall@10 against the exact build is measured in ItemKnnGraphTest. */
    static final int DEFAULT_PROBES = 8;
    private static final int SAMPLE_PER_CELL = 40;
    private static final int ITERATIONS = 8;
    /** Rows of one product block: block × members scores held at once (at most 2^24 floats). */
    private static final int MAX_SCORES = 1 << 24;

    private CellNeighbours() {
    }

    /**
     * Writes into {@code index} and {@code similarity} (at {@code row · k}) the at most k nearest of {@code rows}
     * to each of them, itself included, best first, and their count into {@code count[row]}.
     */
    static void find(float[] unit, int dim, int[] rows, int k, int probes, long seed, int[] index,
                     float[] similarity, int[] count) {
        int n = rows.length;
        if (n == 0) {
            return;
        }
        int cells = Math.max(1, Math.min(n, (int) Math.round(Math.sqrt(n))));
        int searched = Math.min(probes, cells);
        float[] centroids = centroids(unit, dim, rows, cells, seed);
        TransposedProduct product = new TransposedProduct();

        // each row's nearest cells, nearest first
        int[] nearest = new int[n * searched];
        int block = Math.max(1, Math.min(n, MAX_SCORES / cells));
        float[] scores = new float[block * cells];
        var centroidMatrix = Nd4j.create(centroids, new long[] {cells, dim}, 'c');
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            product.multiply(Nd4j.create(gather(unit, dim, rows, from, to), new long[] {to - from, dim}, 'c'),
                    centroidMatrix, scores);
            int offset = from;
            IntStream.range(from, to).parallel().forEach(r -> topCells(scores, (r - offset) * cells, cells, nearest,
                    r * searched, searched));
        }

        // members (nearest cell) and queries (any of the searched cells) of each cell, as positions in rows
        int[][] members = invert(nearest, n, searched, cells, 1);
        int[][] queries = invert(nearest, n, searched, cells, searched);

        float[] best = new float[n * k];
        int[] bestRow = new int[n * k];
        int[] found = new int[n];
        for (int c = 0; c < cells; c++) {
            int[] cellMembers = members[c];
            int[] cellQueries = queries[c];
            if (cellMembers.length == 0 || cellQueries.length == 0) {
                continue;
            }
            var memberMatrix = Nd4j.create(gather(unit, dim, rows, cellMembers), new long[] {cellMembers.length, dim},
                    'c');
            int queryBlock = Math.max(1, Math.min(cellQueries.length, MAX_SCORES / cellMembers.length));
            float[] cellScores = new float[queryBlock * cellMembers.length];
            for (int from = 0; from < cellQueries.length; from += queryBlock) {
                int to = Math.min(cellQueries.length, from + queryBlock);
                int[] part = Arrays.copyOfRange(cellQueries, from, to);
                product.multiply(Nd4j.create(gather(unit, dim, rows, part), new long[] {part.length, dim}, 'c'),
                        memberMatrix, cellScores);
                int width = cellMembers.length;
                // a row is a query of this cell once, so the rows of one block merge in parallel
                IntStream.range(0, part.length).parallel().forEach(q -> {
                    int r = part[q];
                    for (int m = 0; m < width; m++) {
                        found[r] = offer(best, bestRow, r * k, k, found[r], cellScores[q * width + m],
                                cellMembers[m]);
                    }
                });
            }
        }
        for (int r = 0; r < n; r++) {
            int row = rows[r];
            count[row] = found[r];
            for (int j = 0; j < found[r]; j++) {
                index[row * k + j] = rows[bestRow[r * k + j]];
                similarity[row * k + j] = best[r * k + j];
            }
        }
    }

    /** Inserts a candidate into a best-first list of at most k; returns the list's new length. */
    static int offer(float[] best, int[] bestRow, int at, int k, int length, float score, int row) {
        if (length == k && score <= best[at + k - 1]) {
            return length;
        }
        int j = Math.min(length, k - 1);
        while (j > 0 && best[at + j - 1] < score) {
            best[at + j] = best[at + j - 1];
            bestRow[at + j] = bestRow[at + j - 1];
            j--;
        }
        best[at + j] = score;
        bestRow[at + j] = row;
        return Math.min(length + 1, k);
    }

    /** Spherical k-means on a seeded sample of the rows: unit centroids, empty cells reseeded from the sample. */
    private static float[] centroids(float[] unit, int dim, int[] rows, int cells, long seed) {
        Random random = new Random(seed);
        int[] sample = rows.length <= cells * SAMPLE_PER_CELL ? IntStream.range(0, rows.length).toArray()
                : random.ints(0, rows.length).distinct().limit((long) cells * SAMPLE_PER_CELL).sorted().toArray();
        float[] points = gather(unit, dim, rows, sample);
        int s = sample.length;
        float[] centroids = new float[cells * dim];
        int[] start = random.ints(0, s).distinct().limit(cells).toArray();
        for (int c = 0; c < cells; c++) {
            System.arraycopy(points, start[c] * dim, centroids, c * dim, dim);
        }
        var pointMatrix = Nd4j.create(points, new long[] {s, dim}, 'c');
        TransposedProduct product = new TransposedProduct();
        float[] scores = new float[s * cells];
        int[] assigned = new int[s];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            product.multiply(pointMatrix, Nd4j.create(centroids, new long[] {cells, dim}, 'c'), scores);
            IntStream.range(0, s).parallel().forEach(p -> {
                int bestCell = 0;
                for (int c = 1; c < cells; c++) {
                    if (scores[p * cells + c] > scores[p * cells + bestCell]) {
                        bestCell = c;
                    }
                }
                assigned[p] = bestCell;
            });
            float[] sums = new float[cells * dim];
            int[] sizes = new int[cells];
            for (int p = 0; p < s; p++) {
                int c = assigned[p];
                sizes[c]++;
                for (int d = 0; d < dim; d++) {
                    sums[c * dim + d] += points[p * dim + d];
                }
            }
            for (int c = 0; c < cells; c++) {
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    norm += (double) sums[c * dim + d] * sums[c * dim + d];
                }
                if (sizes[c] == 0 || norm == 0) {
                    System.arraycopy(points, random.nextInt(s) * dim, centroids, c * dim, dim);
                    continue;
                }
                float inv = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < dim; d++) {
                    centroids[c * dim + d] = sums[c * dim + d] * inv;
                }
            }
        }
        return centroids;
    }

    /** The positions of the {@code searched} largest scores of one row, largest first. */
    private static void topCells(float[] scores, int offset, int cells, int[] out, int at, int searched) {
        float[] best = new float[searched];
        int length = 0;
        for (int c = 0; c < cells; c++) {
            float score = scores[offset + c];
            if (length == searched && score <= best[searched - 1]) {
                continue;
            }
            int j = Math.min(length, searched - 1);
            while (j > 0 && best[j - 1] < score) {
                best[j] = best[j - 1];
                out[at + j] = out[at + j - 1];
                j--;
            }
            best[j] = score;
            out[at + j] = c;
            length = Math.min(length + 1, searched);
        }
    }

    /** For each cell, the rows that list it among their first {@code depth} of {@code width} nearest cells. */
    private static int[][] invert(int[] nearest, int n, int width, int cells, int depth) {
        int[] sizes = new int[cells];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < depth; j++) {
                sizes[nearest[r * width + j]]++;
            }
        }
        int[][] lists = new int[cells][];
        for (int c = 0; c < cells; c++) {
            lists[c] = new int[sizes[c]];
        }
        int[] fill = new int[cells];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < depth; j++) {
                int c = nearest[r * width + j];
                lists[c][fill[c]++] = r;
            }
        }
        return lists;
    }

    private static float[] gather(float[] unit, int dim, int[] rows, int from, int to) {
        float[] out = new float[(to - from) * dim];
        for (int r = from; r < to; r++) {
            System.arraycopy(unit, rows[r] * dim, out, (r - from) * dim, dim);
        }
        return out;
    }

    private static float[] gather(float[] unit, int dim, int[] rows, int[] positions) {
        float[] out = new float[positions.length * dim];
        for (int p = 0; p < positions.length; p++) {
            System.arraycopy(unit, rows[positions[p]] * dim, out, p * dim, dim);
        }
        return out;
    }
}
