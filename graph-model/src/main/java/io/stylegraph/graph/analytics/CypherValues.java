package io.stylegraph.graph.analytics;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Turns driver values into plain JSON-ready Java values: maps, lists, strings, longs, doubles, booleans and null.
 * <ul>
 *   <li>a node is {@code {id, labels, properties}}, a relationship {@code {id, type, start, end, properties}} (ids
 *   are element ids), a path {@code {nodes, relationships}};</li>
 *   <li>temporal values are ISO-8601 strings, durations ISO-8601 durations, points {@code {srid, x, y[, z]}}, byte
 *   arrays base64 strings, non-finite floats the strings {@code NaN}, {@code Infinity}, {@code -Infinity};</li>
 *   <li>a numeric list longer than {@value #VECTOR_SUMMARY_THRESHOLD} held in a node or relationship property (the
 *   items' {@code visual}, {@code text} and {@code embedding} vectors) is summarised as
 *   {@code {"vector": true, "dimension": n}}, so returning whole nodes stays small; a vector returned as a column of
 *   its own ({@code RETURN i.visual}) comes back in full.</li>
 * </ul>
 */
public final class CypherValues {
    public static final int VECTOR_SUMMARY_THRESHOLD = 32;
    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private CypherValues() {
    }

    public static Object toJava(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.hasType(TYPES.NODE())) {
            return node(value.asNode());
        }
        if (value.hasType(TYPES.RELATIONSHIP())) {
            return relationship(value.asRelationship());
        }
        if (value.hasType(TYPES.PATH())) {
            return path(value.asPath());
        }
        if (value.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>(value.size());
            value.values().forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (value.hasType(TYPES.MAP())) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.keys().forEach(key -> map.put(key, toJava(value.get(key))));
            return map;
        }
        if (value.hasType(TYPES.INTEGER())) {
            return value.asLong();
        }
        if (value.hasType(TYPES.FLOAT())) {
            return finite(value.asDouble());
        }
        if (value.hasType(TYPES.BOOLEAN())) {
            return value.asBoolean();
        }
        if (value.hasType(TYPES.STRING())) {
            return value.asString();
        }
        if (value.hasType(TYPES.DATE_TIME())) {
            ZonedDateTime time = value.asZonedDateTime();
            return time.getZone() instanceof ZoneOffset ? time.toOffsetDateTime().toString()
                    : DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time);
        }
        if (value.hasType(TYPES.DATE())) {
            return value.asLocalDate().toString();
        }
        if (value.hasType(TYPES.LOCAL_DATE_TIME())) {
            return value.asLocalDateTime().toString();
        }
        if (value.hasType(TYPES.TIME())) {
            return value.asOffsetTime().toString();
        }
        if (value.hasType(TYPES.LOCAL_TIME())) {
            return value.asLocalTime().toString();
        }
        if (value.hasType(TYPES.DURATION())) {
            return value.asIsoDuration().toString();
        }
        if (value.hasType(TYPES.POINT())) {
            return point(value.asPoint());
        }
        if (value.hasType(TYPES.BYTES())) {
            return Base64.getEncoder().encodeToString(value.asByteArray());
        }
        return value.toString();
    }

    private static Object finite(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return value;
    }

    private static Map<String, Object> node(Node node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", node.elementId());
        List<String> labels = new ArrayList<>();
        node.labels().forEach(labels::add);
        json.put("labels", labels);
        json.put("properties", properties(node));
        return json;
    }

    private static Map<String, Object> relationship(Relationship relationship) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", relationship.elementId());
        json.put("type", relationship.type());
        json.put("start", relationship.startNodeElementId());
        json.put("end", relationship.endNodeElementId());
        json.put("properties", properties(relationship));
        return json;
    }

    private static Map<String, Object> path(Path path) {
        List<Object> nodes = new ArrayList<>();
        path.nodes().forEach(node -> nodes.add(node(node)));
        List<Object> relationships = new ArrayList<>();
        path.relationships().forEach(relationship -> relationships.add(relationship(relationship)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodes", nodes);
        json.put("relationships", relationships);
        return json;
    }

    private static Map<String, Object> point(Point point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("srid", point.srid());
        json.put("x", point.x());
        json.put("y", point.y());
        if (!Double.isNaN(point.z())) {
            json.put("z", point.z());
        }
        return json;
    }

    private static Map<String, Object> properties(Entity entity) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : entity.keys()) {
            Value value = entity.get(key);
            properties.put(key, isVector(value) ? Map.of("vector", true, "dimension", value.size()) : toJava(value));
        }
        return properties;
    }

    private static boolean isVector(Value value) {
        if (!value.hasType(TYPES.LIST()) || value.size() <= VECTOR_SUMMARY_THRESHOLD) {
            return false;
        }
        for (Value element : value.values()) {
            if (!element.hasType(TYPES.FLOAT()) && !element.hasType(TYPES.INTEGER())) {
                return false;
            }
        }
        return true;
    }
}
