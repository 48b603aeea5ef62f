package io.stylegraph.graph.imports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.stylegraph.graph.imports.sources.AmazonClothingSource;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.graph.imports.sources.HmSource;
import io.stylegraph.graph.imports.sources.PolyvoreMarylandSource;
import io.stylegraph.graph.imports.sources.RentTheRunwaySource;

/** The dataset adapters, selected by the dataset's folder name in {@code ../shared/data}. */
public final class DatasetSources {
    private static final Map<String, Function<Path, CatalogueSource>> ADAPTERS = new LinkedHashMap<>();

    static {
        ADAPTERS.put(FashionProductsSource.NAME, FashionProductsSource::new);
        ADAPTERS.put(PolyvoreMarylandSource.NAME, PolyvoreMarylandSource::new);
        ADAPTERS.put(AmazonClothingSource.NAME, AmazonClothingSource::new);
        ADAPTERS.put(HmSource.NAME, HmSource::new);
        ADAPTERS.put(RentTheRunwaySource.NAME, RentTheRunwaySource::new);
    }

    private DatasetSources() {
    }

    public static List<String> names() {
        return List.copyOf(ADAPTERS.keySet());
    }

    public static CatalogueSource open(String name, Path folder) {
        Function<Path, CatalogueSource> adapter = ADAPTERS.get(name);
        if (adapter == null) {
            throw new IllegalArgumentException("Unknown dataset " + name + "; known: " + String.join(", ", names()));
        }
        return adapter.apply(folder);
    }
}
