package io.stylegraph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of {@code /prometheus} in the text exposition format, read into series for assertions. */
public final class PrometheusScrape {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** One sample: metric name, labels, value. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    private final List<Series> series = new ArrayList<>();

    public PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                throw new AssertionError("not a sample line of the Prometheus text format: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            series.add(new Series(sample.group(1), labels, parse(sample.group(4))));
        }
    }

    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** Every sample of {@code name} whose labels include {@code labels}. */
    public List<Series> find(String name, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The value of the one sample of {@code name} with {@code labels}; fails when there is none or several. */
    public double value(String name, Map<String, String> labels) {
        List<Series> found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + labels + ": " + found);
        }
        return found.get(0).value();
    }

    /** The sum over the samples of {@code name} with {@code labels} (0 when there is none). */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Series::value).sum();
    }

    public List<Series> all() {
        return series;
    }
}
