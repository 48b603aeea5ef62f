package io.stylegraph.api.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.imports.sources.AmazonClothingSource;
import io.stylegraph.training.retrieval.ItemTexts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An amazon-clothing folder with items.csv.gz imported as the CLI does, then embedded by the service's own job: the
 * items' brand and category names reach their text vectors, so words that only the categories hold find them.
 */
@MicronautTest(transactional = false)
class AmazonContentEmbeddingTest extends ApiTestSupport {
    private static final String INTERACTIONS = """
            user_id,item_id,position
            U1,A1,0
            U1,A2,1
            U2,A3,0
            U2,A4,1
            """;
    private static final String ITEMS = """
            item_id,brand,categories
            A1,Levi&#39;s,"Clothing, Shoes & Jewelry|Women|Clothing|Jeans|Denim"
            A2,,"Clothing, Shoes & Jewelry|Men|Shoes|Fashion Sneakers|Athletic|Running"
            A3,,"Clothing, Shoes & Jewelry|Women|Accessories|Scarves & Wraps|Fashion Scarves|Winter Promo"
            A4,Timex,"Clothing, Shoes & Jewelry|Men|Watches|Wrist Watches|Sport Watches|Jewelry: International Shipping Available"
            """;

    @Inject
    EmbeddingJob embeddings;

    private ImportReport report;

    @BeforeAll
    void importAndEmbed() throws IOException, InterruptedException {
        clearGraph();
        Path folder = Files.createTempDirectory("amazon-content");
        gzip(folder.resolve("interactions.csv.gz"), INTERACTIONS);
        gzip(folder.resolve("items.csv.gz"), ITEMS);
        report = new GraphImporter(graph).importFrom(new AmazonClothingSource(folder));
        catalogue.reload();
        embeddings.requestRun();
        for (int attempt = 0; attempt < 600 && !"done".equals(embeddings.status().state()); attempt++) {
            assertFalse("failed".equals(embeddings.status().state()), embeddings.status().toString());
            Thread.sleep(100);
        }
        assertEquals("done", embeddings.status().state(), embeddings.status().toString());
    }

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldGiveEveryAmazonItemATextVectorFromItsBrandAndCategories() {
        assertEquals(4, report.items());
        assertEquals(0, report.rejected(), report.errors().toString());
        assertEquals(4, count("MATCH (i:Item {source: 'amazon-clothing'}) WHERE i.text IS NOT NULL "
                + "AND i.textModel = 'all-MiniLM-L6-v2' RETURN count(i)", Map.of()));
        String expected = "Levi's · Jeans · Women. Jeans. Levi's. Clothing, Denim, Women, Clothing, Shoes & Jewelry";
        assertEquals(1, count("MATCH (i:Item {id: 'az-A1', textInput: $digest}) RETURN count(i)",
                Map.of("digest", ItemTexts.digest(expected))), "the text the vector was made from");
    }

    @Test
    void shouldFindItemsByWordsOnlyTheirCategoriesHold() {
        assertEquals("az-A2", firstHit("running"));
        assertEquals("az-A4", firstHit("sport watch"));
        assertEquals("az-A3", firstHit("winter scarf"));
    }

    @Test
    void shouldShowTheBrandAndCategoriesOfAnItem() {
        Map<String, Object> item = getJson("/v1/items/az-A1");

        assertEquals("Levi's · Jeans · Women", item.get("title"));
        assertEquals("Levi's", item.get("brand"));
        assertEquals(List.of("Clothing", "Denim", "Jeans", "Women", "Clothing, Shoes & Jewelry"), item.get("categories"));
        assertEquals("bottom", item.get("slot"));
        assertEquals("women", item.get("gender"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFilterTheCatalogueByAnyOfAnItemsCategories() {
        Map<String, Object> women = getJson("/v1/items?category=women");
        Map<String, Object> denim = getJson("/v1/items?category=Denim&slot=bottom");

        assertEquals(List.of("az-A1", "az-A3"), ((List<Map<String, Object>>) women.get("items")).stream()
                .map(item -> item.get("id")).toList());
        assertEquals(List.of("az-A1"), ((List<Map<String, Object>>) denim.get("items")).stream()
                .map(item -> item.get("id")).toList());
    }

    @SuppressWarnings("unchecked")
    private String firstHit(String words) {
        Map<String, Object> response = getJson("/v1/search?q=" + words.replace(" ", "%20") + "&k=1");
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.get("results");
        return (String) ((Map<String, Object>) results.get(0).get("item")).get("id");
    }
}
