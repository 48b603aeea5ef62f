package io.stylegraph.training.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The datasets the evaluation harness knows by name, under one data directory: amazon-clothing with its fixed split,
 * its shuffled twin, and the interaction datasets without a split (rent-the-runway, the one with dislikes; hm),
 * split in time order 8:1:1.
 */
public final class DatasetCatalog {

    /**
     * amazon-clothing with each user's items dealt to train/valid/test at random (seed 999) in the fixed split's
     * per-user counts: the kind of split the FREEDOM paper's figures come from, for comparing with them.
     */
    public static final String AMAZON_CLOTHING_SHUFFLED = "amazon-clothing-shuffled";

    private DatasetCatalog() {
    }

    public static List<String> names() {
        return List.of(AmazonClothingLoader.NAME, AMAZON_CLOTHING_SHUFFLED, "rent-the-runway", "hm");
    }

    public static Dataset load(String name, Path dataDir) {
        if (AmazonClothingLoader.NAME.equals(name)) {
            return new AmazonClothingLoader().load(dataDir);
        }
        if (AMAZON_CLOTHING_SHUFFLED.equals(name)) {
            Dataset fixed = new AmazonClothingLoader().load(dataDir);
            return fixed.withSplit(name, fixed.split().shuffledPerUser(999));
        }
        if (names().contains(name)) {
            return new SourceDatasetLoader(name, ChronologicalSplitter.eightOneOne()).load(dataDir);
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + names());
    }
}
