package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.graph.imports.GraphImporter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outfits scored by the served recommender's preference as well as compatibility. */
@MicronautTest(transactional = false)
class OutfitPreferenceApiTest extends ApiTestSupport {

    @Inject
    ServedModelHolder served;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path file = Files.createTempDirectory("outfit-model").resolve("outfits.sgoutfit");
            OutfitFixtures.trainModel(file);
            properties.putAll(OutfitFixtures.servedModel(file, 0));
            properties.put("stylegraph.training.artifact-dir", Files.createTempDirectory("models").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("stylegraph.training.max-epochs", "3");
        properties.put("stylegraph.training.dimension", "8");
        return properties;
    }

    /** 20 shoppers like women's tops and shoes, 20 others men's bottoms and shoes; one tiny recommender, served. */
    @BeforeAll
    void tasteGroupsModelAndOutfits() throws Exception {
        clearGraph();
        new GraphImporter(graph).importFrom(OutfitFixtures.source());
        OutfitFixtures.likeInGenderedTasteGroups(graph);
        catalogue.reload();
        trainAndServe("outfit preference test");
        awaitOutfitIndex("{\"itemIds\": [\"top-women-0\", \"bottom-women-0\"]}");
    }

    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAddTheServedModelsPreferenceToEveryOutfitsCompatibility() {
        Map<String, Object> page = getJson("/v1/users/taste-0/outfits?k=2");

        assertEquals("model", page.get("preference"));
        assertNotNull(page.get("modelVersion"));
        List<Map<String, Object>> outfits = (List<Map<String, Object>>) page.get("outfits");
        assertFalse(outfits.isEmpty());
        for (Map<String, Object> outfit : outfits) {
            double score = ((Number) outfit.get("score")).doubleValue();
            double preference = ((Number) outfit.get("preference")).doubleValue();
            assertEquals(score + 0.5 * preference, ((Number) outfit.get("total")).doubleValue(), 1e-6);
            double sum = 0;
            List<Map<String, Object>> items = (List<Map<String, Object>>) outfit.get("items");
            for (Map<String, Object> item : items) {
                sum += ((Number) item.get("preference")).doubleValue();
            }
            assertEquals(preference, sum / items.size(), 1e-6, "the outfit's preference is its items' mean");
        }

        Map<String, Object> stranger = getJson("/v1/users/taste-stranger/outfits?k=1");
        assertEquals("popular", stranger.get("preference"), "no likes, no vector: compatibility alone");
    }
}
