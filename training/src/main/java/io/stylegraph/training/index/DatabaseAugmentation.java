package io.stylegraph.training.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.models.Vectors;

/**
 * Database-side augmentation (DBA): an item's vector is replaced by the weighted mean of itself and its
 * {@code n} nearest neighbours, weights falling linearly with rank ({@code 1, n/(n+1), ..., 1/(n+1)}), then
 * re-normalized. Computed lazily for the items a query asks about, several per matrix pass, and kept in a
 * least-recently-used cache that is emptied whenever the index changes. The cost per query is bounded by how many
 * items the caller asks for.
 */
final class DatabaseAugmentation {
    private final VectorIndex index;
    private final DbaSettings settings;
    private final LinkedHashMap<String, float[]> cache;
    private long cachedVersion = -1;

    DatabaseAugmentation(VectorIndex index, DbaSettings settings) {
        this.index = index;
        this.settings = settings;
        this.cache = new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > settings.maxCached();
            }
        };
    }

    Map<String, float[]> vectorsOf(Collection<String> itemIds) {
        long version = index.version();
        Map<String, float[]> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            if (version != cachedVersion) {
                cache.clear();
                cachedVersion = version;
            }
            for (String id : itemIds) {
                float[] cached = cache.get(id);
                if (cached != null) {
                    out.put(id, cached);
                } else if (!out.containsKey(id)) {
                    missing.add(id);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<String> present = new ArrayList<>(missing.size());
        List<float[]> own = new ArrayList<>(missing.size());
        for (String id : missing) {
            index.vector(id).ifPresent(vector -> {
                present.add(id);
                own.add(vector);
            });
        }
        List<List<ScoredItem>> neighbours = index.searchMany(own.toArray(new float[0][]), settings.neighbours() + 1);
        Map<String, float[]> computed = new HashMap<>();
        for (int i = 0; i < present.size(); i++) {
            computed.put(present.get(i), augment(present.get(i), own.get(i), neighbours.get(i)));
        }
        synchronized (cache) {
            if (cachedVersion == version) {
                cache.putAll(computed);
            }
        }
        out.putAll(computed);
        return out;
    }

    private float[] augment(String itemId, float[] own, List<ScoredItem> nearest) {
        int n = settings.neighbours();
        float[] sum = own.clone();
        int rank = 0;
        for (ScoredItem neighbour : nearest) {
            if (rank == n) {
                break;
            }
            if (neighbour.itemId().equals(itemId)) {
                continue;
            }
            rank++;
            float weight = (float) (n + 1 - rank) / (n + 1);
            float[] vector = index.vector(neighbour.itemId()).orElse(null);
            if (vector == null) {
                continue;
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] += weight * vector[d];
            }
        }
        return Vectors.normalizeInPlace(sum);
    }
}
