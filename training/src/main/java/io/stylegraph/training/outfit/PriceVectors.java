package io.stylegraph.training.outfit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.graph.imports.sources.PolyvoreMarylandSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The price of a Maryland item as a content vector (feature {@value #FEATURE}): a one-hot of its price band, the
 * bands being the deciles of log price over the named outfits. Items without a price lack the feature.
 */
public final class PriceVectors {

    public static final String FEATURE = "price";
    static final int BANDS = 10;

    private PriceVectors() {
    }

    /** Price-band vectors of every priced item of an {@code outfits-valid.jsonl}-format file, by item id. */
    public static ExtraVectors read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> prices = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode outfit = json.readTree(line);
                String setId = outfit.get("set_id").asText();
                for (JsonNode item : outfit.get("items")) {
                    JsonNode price = item.get("price");
                    if (price != null && price.isNumber() && price.asDouble() > 0) {
                        prices.put(PolyvoreMarylandSource.ID_PREFIX + setId + "_" + item.get("index").asInt(),
                                Math.log(price.asDouble()));
                    }
                }
            }
        }
        double[] sorted = prices.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] edges = new double[BANDS - 1];
        for (int b = 1; b < BANDS; b++) {
            edges[b - 1] = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, b * sorted.length / BANDS)];
        }
        Map<String, float[]> vectors = new HashMap<>();
        prices.forEach((id, logPrice) -> {
            int band = Arrays.binarySearch(edges, logPrice);
            band = band >= 0 ? band + 1 : -band - 1;
            float[] v = new float[BANDS];
            v[Math.min(band, BANDS - 1)] = 1f;
            vectors.put(id, v);
        });
        return ExtraVectors.of(FEATURE, BANDS, vectors);
    }
}
