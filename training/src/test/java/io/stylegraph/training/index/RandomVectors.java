package io.stylegraph.training.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.repository.ItemVector;
import io.stylegraph.models.Vectors;

/** Seeded random unit vectors with slots and genders spread over the items. */
final class RandomVectors {
    private RandomVectors() {
    }

    static float[] unit(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalizeInPlace(v);
    }

    static List<ItemVector> items(Random random, int count, int dimension) {
        List<ItemVector> items = new ArrayList<>(count);
        Slot[] slots = Slot.values();
        Gender[] genders = Gender.values();
        for (int i = 0; i < count; i++) {
            items.add(new ItemVector(String.format("item-%05d", i), slots[i % slots.length],
                    i % 7 == 0 ? null : genders[i % genders.length], unit(random, dimension), "input-" + i));
        }
        return items;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
