package io.stylegraph.training.data;

import java.nio.file.Path;
import java.util.List;

/** The datasets the evaluation harness knows by name, under one data directory. */
public final class DatasetCatalog {

    private DatasetCatalog() {
    }

    public static List<String> names() {
        return List.of(AmazonClothingLoader.NAME);
    }

    public static Dataset load(String name, Path dataDir) {
        if (AmazonClothingLoader.NAME.equals(name)) {
            return new AmazonClothingLoader().load(dataDir);
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + names());
    }
}
