package io.stylegraph.graph.imports;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Entity;

/**
 * Turns an import row's values into what the embedded store keeps for them when they come as Cypher parameters over
 * Bolt, so the {@link CoreApiWrites} path stores the same types as the {@link CypherWrites} path: integers as 64-bit
 * longs, floats as doubles, lists as arrays of one type, and {@code null} as no property. A value Cypher cannot store
 * (a map, a list of mixed types) is refused with {@link IllegalArgumentException}, which fails the batch as the Cypher
 * statement's error does.
 */
final class StoredValues {
    private StoredValues() {
    }

    /** {@code SET entity.key = value}: a null value removes the property. */
    static void set(Entity entity, String key, Object value) {
        if (value == null) {
            entity.removeProperty(key);
        } else {
            entity.setProperty(key, stored(key, value));
        }
    }

    /** {@code SET entity += properties}: null values are skipped, as the importer's rows never carry them. */
    static void setAll(Entity entity, Map<String, Object> properties) {
        properties.forEach((key, value) -> {
            if (value != null) {
                entity.setProperty(key, stored(key, value));
            }
        });
    }

    static Object stored(String key, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double
                || value instanceof Temporal || value instanceof TemporalAmount) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            return array(key, list);
        }
        throw new IllegalArgumentException("property " + key + " cannot be stored: "
                + value.getClass().getSimpleName() + " is not a property type");
    }

    private static Object array(String key, List<?> list) {
        if (list.stream().allMatch(String.class::isInstance)) {
            return list.toArray(new String[0]);
        }
        if (list.stream().allMatch(v -> v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte)) {
            return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        }
        if (list.stream().allMatch(v -> v instanceof Double || v instanceof Float)) {
            return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        if (list.stream().allMatch(Boolean.class::isInstance)) {
            boolean[] values = new boolean[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (Boolean) list.get(i);
            }
            return values;
        }
        throw new IllegalArgumentException("property " + key + " cannot be stored: a list of mixed types");
    }

    /**
     * The check {@code db.create.setNodeVectorProperty} makes before it stores a {@code float[]}: every component a
     * finite number.
     */
    static float[] vector(String itemId, String modality, float[] vector) {
        for (float component : vector) {
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException("the " + modality + " vector of item " + itemId
                        + " has a component that is not a finite number");
            }
        }
        return vector;
    }
}
