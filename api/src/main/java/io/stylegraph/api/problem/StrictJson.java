package io.stylegraph.api.problem;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;

/**
 * Reads request JSON strictly, where the framework's reader is lenient: exactly one document (trailing tokens and a
 * second document are {@code malformed-json}), and every value of the JSON type its field declares: a string field
 * takes a string (not a number, and not a one-element array), a number field a number, a boolean field
 * {@code true}/{@code false}, a timestamp an ISO-8601 string (not epoch numbers), a list an array, an object an
 * object ({@code malformed-json} naming the field otherwise). Every string is held to {@link InputRules} (no NUL or
 * other control characters but tab and line breaks, no unpaired surrogates) and every timestamp lies between 1970
 * and 2100 ({@code invalid-field} naming the field otherwise).
 * Duplicate keys are malformed. Only then is the document bound, by the application's JSON mapper.
 */
@Singleton
public class StrictJson {
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private final io.micronaut.json.JsonMapper mapper;

    public StrictJson(io.micronaut.json.JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Checks {@code json} against {@code type} and binds it. {@code part} names the multipart part the JSON came in
     * (the field of a syntax error and the prefix of field paths), or is null for a request body.
     */
    public <T> T read(byte[] json, Argument<T> type, String part) {
        check(json, type, part);
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            if (part == null) {
                // the problem mapping names the field the mapper failed on
                throw new CodecException("The request body is not valid JSON for this endpoint", e);
            }
            throw ProblemException.badRequest("malformed-json", part, "The " + part
                    + " part is not valid JSON for this endpoint");
        }
    }

    /** The checks of {@link #read} without binding. */
    public void check(byte[] json, Argument<?> type, String part) {
        JsonNode tree;
        try {
            tree = TREE.readTree(json);
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", part, "The " + (part == null ? "request body" : part
                    + " part") + " is not one well-formed JSON document" + location(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw ProblemException.badRequest("malformed-json", part, "The " + (part == null ? "request body" : part
                    + " part") + " is empty");
        }
        walk(tree, type, part == null ? "" : part);
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                && processing.getLocation() != null) {
            return " (line " + processing.getLocation().getLineNr() + ", column "
                    + processing.getLocation().getColumnNr() + ")";
        }
        return "";
    }

    private void walk(JsonNode node, Argument<?> type, String path) {
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> raw = type.getType();
        if (CharSequence.class.isAssignableFrom(raw) || raw.isEnum() || raw == char.class || raw == Character.class) {
            require(node.isTextual(), path, "a string");
            InputRules.requireClean(node.textValue(), fieldName(path), InputRules.Source.BODY);
        } else if (Temporal.class.isAssignableFrom(raw)) {
            require(node.isTextual(), path, "an ISO-8601 timestamp string");
            InputRules.requireClean(node.textValue(), fieldName(path), InputRules.Source.BODY);
            if (raw == Instant.class) {
                try {
                    InputRules.requireSaneInstant(Instant.parse(node.textValue()), fieldName(path));
                } catch (DateTimeParseException unreadable) {
                    // left to the mapper, which names the field of a timestamp it cannot read (malformed-json)
                }
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            require(node.isBoolean(), path, "true or false");
        } else if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                || raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
                || raw == java.math.BigInteger.class) {
            require(node.isIntegralNumber(), path, "a whole number");
        } else if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            require(node.isNumber(), path, "a number");
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            require(node.isArray(), path, "an array");
            Argument<?> element = raw.isArray() ? Argument.of(raw.getComponentType())
                    : type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), element, path + "[" + i + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            require(node.isObject(), path, "an object");
            Argument<?> value = type.getTypeVariable("V").orElse(Argument.OBJECT_ARGUMENT);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = child(path, field.getKey());
                InputRules.requireClean(field.getKey(), fieldName(child), InputRules.Source.URL);
                walk(field.getValue(), value, child);
            }
        } else {
            Optional<? extends BeanIntrospection<?>> bean = raw == Object.class ? Optional.empty()
                    : BeanIntrospector.SHARED.findIntrospection(raw);
            if (bean.isPresent()) {
                require(node.isObject(), path, "an object");
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String child = child(path, field.getKey());
                    Optional<? extends BeanProperty<?, ?>> property = bean.get().getProperty(field.getKey());
                    if (property.isPresent()) {
                        walk(field.getValue(), property.get().asArgument(), child);
                    } else {
                        screen(field.getValue(), child);
                    }
                }
            } else {
                screen(node, path);
            }
        }
    }

    /** Strings anywhere under {@code node} (free-form values) are held to the input rules. */
    private void screen(JsonNode node, String path) {
        if (node.isTextual()) {
            InputRules.requireClean(node.textValue(), fieldName(path), InputRules.Source.BODY);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                screen(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = child(path, field.getKey());
                InputRules.requireClean(field.getKey(), fieldName(child), InputRules.Source.URL);
                screen(field.getValue(), child);
            }
        }
    }

    private static void require(boolean ok, String path, String expected) {
        if (!ok) {
            String field = fieldName(path);
            // a value of the wrong JSON type is malformed for this endpoint, as the mapper's own type errors are
            throw ProblemException.badRequest("malformed-json", field, field + " must be " + expected);
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String fieldName(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
