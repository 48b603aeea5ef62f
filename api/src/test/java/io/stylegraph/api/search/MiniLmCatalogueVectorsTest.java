package io.stylegraph.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.sources.FashionProductsSource;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.text.LangChain4jMiniLmEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;
import io.stylegraph.training.retrieval.ItemTexts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batched MiniLM encoder gives catalogue texts the vectors the langchain4j encoder gave them, so vectors stored
 * under the same model id stay comparable: 1,000 fashion-products items drawn with a fixed seed, their texts joined by
 * {@link ItemTexts} as the embedding job joins them, encoded 64 per call as the job sends them.
 */
class MiniLmCatalogueVectorsTest {
    private static final Path FASHION_PRODUCTS = Path.of("..", "..", "shared", "data", "fashion-products");
    private static final int TEXTS = 1_000;
    private static final int JOB_BATCH = 64;

    @Test
    void shouldGiveCatalogueTextsTheVectorsOfTheLangChain4jEncoder() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FASHION_PRODUCTS.resolve("items.csv")),
                "fashion-products not found at " + FASHION_PRODUCTS.toAbsolutePath().normalize()
                        + "; skipping the comparison on catalogue texts");
        List<String> texts = catalogueTexts();
        assertEquals(TEXTS, texts.size());

        List<float[]> expected;
        try (LangChain4jMiniLmEncoder reference = new LangChain4jMiniLmEncoder()) {
            expected = reference.encode(texts);
        }
        List<float[]> got = new ArrayList<>(texts.size());
        try (MiniLmTextEncoder batched = new MiniLmTextEncoder()) {
            for (int from = 0; from < texts.size(); from += JOB_BATCH) {
                got.addAll(batched.encode(texts.subList(from, Math.min(from + JOB_BATCH, texts.size()))));
            }
        }

        double lowest = 1;
        String lowestText = null;
        for (int i = 0; i < texts.size(); i++) {
            double cosine = Vectors.dot(expected.get(i), got.get(i));
            if (cosine < lowest) {
                lowest = cosine;
                lowestText = texts.get(i);
            }
        }
        assertTrue(lowest >= 0.999, String.format(Locale.ROOT, "lowest cosine %.6f, for \"%s\"", lowest, lowestText));
    }

    /** Texts of a seeded sample of items, joined as the embedding job joins them; items without words skipped. */
    private static List<String> catalogueTexts() throws IOException {
        List<Item> items = new ArrayList<>();
        new FashionProductsSource(FASHION_PRODUCTS).read(ImportSinks.itemsTo(items::add));
        Collections.shuffle(items, new Random(15));
        List<String> texts = new ArrayList<>(TEXTS);
        for (Item item : items) {
            String text = ItemTexts.of(item.title(), item.category(), item.colour(), item.description(), item.brand(),
                    item.categories());
            if (!text.isEmpty()) {
                texts.add(text);
            }
            if (texts.size() == TEXTS) {
                break;
            }
        }
        return texts;
    }
}
