package io.stylegraph.graph.imports.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.stylegraph.graph.imports.PrecomputedVectors;

/**
 * The rows of a generic-format {@code vectors} file, read one after another: one file, one length per modality, set
 * by the first row that has a vector of it.
 */
final class PrecomputedVectorRows {
    private int visualDimension;
    private int textDimension;

    /** A {@code vectors} row: {@code item_id} and a visual and/or text vector, each with the name of its model. */
    PrecomputedVectors read(GenericRecord.Json record) {
        JsonNode node = record.node();
        String itemId = record.require("item_id");
        float[] visual = vector(node, "visual");
        float[] text = vector(node, "text");
        if (visual == null && text == null) {
            throw new RowRejected("no visual or text vector");
        }
        String visualModel = visual == null ? null : record.require("visual_model");
        String textModel = text == null ? null : record.require("text_model");
        if (visual != null) {
            visualDimension = sameDimension("visual", visual, visualDimension);
        }
        if (text != null) {
            textDimension = sameDimension("text", text, textDimension);
        }
        return new PrecomputedVectors(itemId, visualModel, visual, textModel, text);
    }

    private static int sameDimension(String field, float[] vector, int expected) {
        if (expected != 0 && vector.length != expected) {
            throw new RowRejected(field + " has " + vector.length + " numbers, earlier rows " + expected);
        }
        return vector.length;
    }

    private static float[] vector(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray() || array.isEmpty()) {
            throw new RowRejected(field + " must be a non-empty array of numbers");
        }
        float[] vector = new float[array.size()];
        for (int d = 0; d < vector.length; d++) {
            JsonNode value = array.get(d);
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw new RowRejected(field + "[" + d + "] is not a finite number: " + value);
            }
            vector[d] = (float) value.asDouble();
        }
        return vector;
    }
}
