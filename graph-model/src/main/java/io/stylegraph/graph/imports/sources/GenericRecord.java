package io.stylegraph.graph.imports.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record of the generic format in either of its file formats, a JSON object or a CSV row, read field by field; a
 * field may be written snake_case or camelCase.
 */
interface GenericRecord {
    String text(String field);

    Map<String, String> attributes(Set<String> knownFields);

    /** A list of names: a JSONL array of strings, or text with the names joined by {@code |}; empty when absent. */
    default List<String> names(String field) {
        String text = text(field);
        return text == null ? List.of() : List.of(text.split("\\|"));
    }

    /** Outfit members written inline (JSONL {@code items} array), or null. */
    default JsonNode members() {
        return null;
    }

    /** The field's text, trimmed; the record is rejected when it is missing or blank. */
    default String require(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw new RowRejected("missing " + field);
        }
        return value.trim();
    }

    private static String[] spellings(String field) {
        return field.contains("_") ? new String[] {field, ColumnNames.camelCase(field)} : new String[] {field};
    }

    /** A JSON Lines object. */
    record Json(JsonNode node) implements GenericRecord {
        @Override
        public String text(String field) {
            for (String name : spellings(field)) {
                String value = JsonLines.text(node, name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        public Map<String, String> attributes(Set<String> knownFields) {
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode object = node.get("attributes");
            if (object != null && !object.isNull()) {
                if (!object.isObject()) {
                    throw new RowRejected("attributes must be an object of names to values");
                }
                object.fields().forEachRemaining(field -> {
                    if (!field.getValue().isNull()) {
                        attributes.put(field.getKey(), field.getValue().isValueNode()
                                ? field.getValue().asText() : field.getValue().toString());
                    }
                });
            }
            return attributes;
        }

        @Override
        public List<String> names(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                return GenericRecord.super.names(field);
            }
            List<String> names = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw new RowRejected(field + " must be an array of strings or names joined by |");
                }
                names.add(element.asText());
            }
            return names;
        }

        @Override
        public JsonNode members() {
            JsonNode items = node.get("items");
            return items == null ? node.get("members") : items;
        }
    }

    /** A CSV row: its header names the fields. */
    record Csv(CsvRows.Row row) implements GenericRecord {
        @Override
        public String text(String field) {
            for (String name : spellings(field)) {
                String value = row.get(name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        /** In CSV, every column the format does not define is an attribute. */
        @Override
        public Map<String, String> attributes(Set<String> knownFields) {
            Map<String, String> attributes = new LinkedHashMap<>();
            row.values().forEach((column, value) -> {
                if (!knownFields.contains(column) && value != null && !value.isEmpty()) {
                    attributes.put(column, value);
                }
            });
            return attributes;
        }
    }
}
