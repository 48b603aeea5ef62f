package io.stylegraph.training.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The top-level objects of a JSON Lines file (gzip when its name ends in {@code .gz}), streamed field by field with
 * Jackson's parser: what is not an object at the top level is skipped, and each object's fields go to a fresh
 * {@link ObjectFields} that is told when the object ends.
 */
final class JsonObjectStream {

    private static final JsonFactory JSON = new JsonFactory();

    /** One object's fields as they stream by. */
    interface ObjectFields {
        /** One field; the value must be consumed ({@link JsonParser#skipChildren()} for what is not wanted). */
        void field(String name, JsonToken value, JsonParser parser) throws IOException;

        /** The object ended. */
        void end();
    }

    private JsonObjectStream() {
    }

    static void read(Path file, Supplier<? extends ObjectFields> perObject) throws IOException {
        try (JsonParser parser = open(file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                ObjectFields fields = perObject.get();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    fields.field(name, parser.nextToken(), parser);
                }
                fields.end();
            }
        }
    }

    /** A scalar value's text, null for null, empty text or a structure (which is skipped). */
    static String text(JsonToken value, JsonParser parser) throws IOException {
        if (!value.isScalarValue()) {
            parser.skipChildren();
            return null;
        }
        String text = value == JsonToken.VALUE_NULL ? null : parser.getText();
        return text == null || text.isEmpty() ? null : text;
    }

    /** The array's numbers, or null when one is not a finite number (the array is consumed either way). */
    static float[] numbers(JsonParser parser) throws IOException {
        float[] values = new float[64];
        int n = 0;
        boolean finite = true;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                double v = parser.getDoubleValue();
                finite &= Double.isFinite(v);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = (float) v;
            } else {
                parser.skipChildren();
                finite = false;
            }
        }
        return finite ? Arrays.copyOf(values, n) : null;
    }

    private static JsonParser open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return JSON.createParser(in);
    }
}
