package io.stylegraph.graph.analytics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query parameters as they arrive from JSON (strings, numbers of any Java type, booleans, lists, maps, null), made
 * into the values the driver takes: integers as longs, other numbers as doubles. An integer beyond the 64-bit range
 * or a value of another type is a {@link CypherQueryException.Kind#PARAMETER} problem naming the parameter.
 */
final class CypherParameters {
    private CypherParameters() {
    }

    static Map<String, Object> normalise(Map<String, ?> parameters) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((name, value) -> normalised.put(name, value(name, value)));
        }
        return normalised;
    }

    private static Object value(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new CypherQueryException(CypherQueryException.Kind.PARAMETER,
                        "Parameter " + name + " holds an integer outside the 64-bit range Cypher supports");
            }
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((key, element) -> nested.put(String.valueOf(key), value(name, element)));
            return nested;
        }
        if (value instanceof List<?> list) {
            List<Object> nested = new ArrayList<>(list.size());
            list.forEach(element -> nested.add(value(name, element)));
            return nested;
        }
        throw new CypherQueryException(CypherQueryException.Kind.PARAMETER,
                "Parameter " + name + " has a value of a type Cypher cannot take: " + value.getClass().getSimpleName());
    }
}
