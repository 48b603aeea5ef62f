package io.stylegraph.training.scale;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code bench/scale.sh} measured at one size point: its {@code measurements.properties} (one key per figure,
 * appended stage by stage), read as numbers. A stage that did not run or did not finish leaves its keys out, so every
 * figure is optional.
 *
 * @param figures every numeric figure by key, in the order of the keys' names
 * @param texts   the figures that are not numbers (the git revision the run measured)
 */
public record ScalePoint(long items, long users, long likes, Map<String, Double> figures, Map<String, String> texts) {

    public ScalePoint {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** Reads {@code <dir>/measurements.properties}; a key written twice (a resumed stage) keeps its last value. */
    public static ScalePoint read(Path directory) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve("measurements.properties"))) {
            properties.load(reader);
        }
        return of(properties);
    }

    static ScalePoint of(Properties properties) {
        Map<String, Double> figures = new java.util.TreeMap<>();
        Map<String, String> texts = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                figures.put(key, Double.parseDouble(value));
            } catch (NumberFormatException notANumber) {
                texts.put(key, value);
            }
        }
        for (String required : new String[] {"items", "users", "likes"}) {
            if (!figures.containsKey(required)) {
                throw new IllegalArgumentException("a size point needs " + required + "; it has " + figures.keySet());
            }
        }
        return new ScalePoint(figures.get("items").longValue(), figures.get("users").longValue(),
                figures.get("likes").longValue(), figures, texts);
    }

    /** A figure, or null where it was not measured. */
    public Double figure(String key) {
        return figures.get(key);
    }

    /** The size a cost is measured against: {@code items}, {@code likes} or any recorded figure. */
    public double size(String measure) {
        return switch (measure) {
            case "items" -> items;
            case "likes" -> likes;
            default -> figures.getOrDefault(measure, 0.0);
        };
    }
}
