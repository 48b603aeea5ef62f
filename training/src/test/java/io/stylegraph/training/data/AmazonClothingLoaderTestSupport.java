package io.stylegraph.training.data;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the miniature amazon-clothing folder. */
public final class AmazonClothingLoaderTestSupport {

    private AmazonClothingLoaderTestSupport() {
    }

    public static void writeMiniature(Path root) throws IOException {
        AmazonClothingLoaderTest.writeMiniature(root);
    }
}
