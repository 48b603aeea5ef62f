package io.stylegraph.graph.imports.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON Lines file one object at a time, with 1-based line numbers; blank lines are skipped. */
final class JsonLines implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: the object, or {@code problem} when the line is not a JSON object. */
    record Line(String file, long line, JsonNode node, String problem) {
    }

    interface Visitor {
        void accept(Line line) throws IOException;
    }

    private final BufferedReader reader;
    private final String fileName;

    JsonLines(Path file, Reader reader) {
        this.fileName = file.getFileName().toString();
        this.reader = new BufferedReader(reader, 1 << 16);
    }

    void forEach(Visitor visitor) throws IOException {
        String text;
        long number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = null;
            String problem = null;
            try {
                node = JSON.readTree(text);
                if (!node.isObject()) {
                    problem = "not a JSON object";
                    node = null;
                }
            } catch (JsonProcessingException e) {
                problem = "malformed JSON: " + e.getOriginalMessage();
            }
            visitor.accept(new Line(fileName, number, node, problem));
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
