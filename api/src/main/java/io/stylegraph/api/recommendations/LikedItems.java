package io.stylegraph.api.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.job.ServableModel;

/**
 * The user's liked items the served model knows, as unit vectors, to explain results by the closest one; a title is
 * looked up only for the like a reason names (a shopper may have thousands of likes).
 */
record LikedItems(List<String> ids, float[] units, int dimension, CatalogueSnapshot snapshot) {
    static LikedItems of(ServableModel model, Map<String, Signal> rated, CatalogueSnapshot snapshot) {
        List<String> liked = rated.entrySet().stream()
                .filter(opinion -> opinion.getValue() == Signal.LIKE)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        int d = model.dimension();
        // the likes' unit vectors end to end: a shopper with thousands of likes is read as one matrix per reason
        List<String> ids = new ArrayList<>(liked.size());
        float[] units = new float[liked.size() * d];
        for (String id : liked) {
            Integer row = model.itemRow(id);
            float[] unit = row == null ? null : unit(model.itemVector(row));
            if (unit != null) {
                System.arraycopy(unit, 0, units, ids.size() * d, d);
                ids.add(id);
            }
        }
        return new LikedItems(ids, units, d, snapshot);
    }

    RecommendationReason reason(float[] embedding) {
        float[] result = unit(embedding);
        if (result == null || ids.isEmpty()) {
            return RecommendationReason.tasteProfile();
        }
        int closest = -1;
        float similarity = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < ids.size(); i++) {
            float dot = Vectors.dot(units, i * dimension, result, dimension);
            if (dot > similarity) {
                similarity = dot;
                closest = i;
            }
        }
        String id = ids.get(closest);
        return RecommendationReason.similarToLiked(id, snapshot.find(id).map(item -> item.item().title()).orElse(null),
                similarity);
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            return null;
        }
        float[] unit = new float[vector.length];
        float scale = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < vector.length; j++) {
            unit[j] = vector[j] * scale;
        }
        return unit;
    }
}
