package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.training.outfit.TypeAwareModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Training the outfit model at start-up in stages: without a model file the service trains on Maryland Polyvore,
 * serves the first member as soon as it is trained, then trains the other members, offers the joined model to the
 * gate, switches to it and writes the PAIRS_WITH edges for it. Skipped without {@code ../shared/data}.
 */
@MicronautTest(transactional = false)
class OutfitStartupMembersTest extends ApiTestSupport {
    private static final Path MARYLAND = Path.of("..", "..", "shared", "data", "polyvore-maryland");
    private static final String SCORE = "{\"itemIds\": [\"top-women-0\", \"bottom-women-0\"]}";
    private static Path file;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            file = Files.createTempDirectory("outfit-members").resolve("outfits.sgoutfit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("stylegraph.outfits.model-file", file.toString());
        properties.put("stylegraph.outfits.train-on-start", "true");
        properties.put("stylegraph.outfits.training-data", MARYLAND.toAbsolutePath().normalize().toString());
        properties.put("stylegraph.outfits.epochs", "1");
        properties.put("stylegraph.outfits.members", "2");
        properties.put("stylegraph.outfits.title-vector-cache", "");
        properties.put("stylegraph.outfits.pairs-per-item", "2");
        return properties;
    }

    @BeforeAll
    void catalogueReady() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MARYLAND), "polyvore-maryland not found at "
                + MARYLAND.toAbsolutePath().normalize() + "; skipping start-up training");
        clearGraph();
        OutfitFixtures.importInto(graph, catalogue);
        awaitOutfitIndex(SCORE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeTheFirstMemberThenSwitchToTheJoinedModelAndWriteItsPairsWithEdges() throws Exception {
        Map<String, Object> status = awaitPairsWith();

        // the registry's database is shared with other test classes: only this start's versions count, whose
        // artifacts sit beside its model file
        List<Map<String, Object>> versions = json.<List<Map<String, Object>>>readValue(client.toBlocking().retrieve(
                        HttpRequest.GET("/v1/models?kind=outfit")),
                        Argument.listOf(Argument.mapOf(String.class, Object.class))).stream()
                .filter(v -> String.valueOf(v.get("artifactPath")).startsWith(file.getParent().toString()))
                .toList();
        assertEquals(2, versions.size(), versions.toString());
        Map<String, Object> joined = versions.stream().filter(v -> "active".equals(v.get("status"))).findFirst()
                .orElseThrow();
        Map<String, Object> first = versions.stream().filter(v -> v != joined).findFirst().orElseThrow();
        assertEquals(((Number) joined.get("id")).longValue(), ((Number) status.get("registryVersion")).longValue(),
                "the joined model is the served one");
        assertEquals("2", ((Map<String, Object>) joined.get("parameters")).get(TypeAwareModel.MEMBERS));
        assertTrue(((Map<String, Object>) first.get("parameters")).get(TypeAwareModel.MEMBERS) == null,
                "the first version served the first member alone: " + first);
        assertEquals(2, TypeAwareModel.load(file).members(), "the model file is the joined model for the next start");
        Map<String, Object> pairsWith = (Map<String, Object>) status.get("pairsWith");
        assertTrue(((Number) pairsWith.get("edges")).longValue() > 0, pairsWith.toString());
        assertTrue(status.get("model") instanceof String, status.toString());
        long edges = count("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) RETURN count(p)", Map.of());
        assertEquals(((Number) pairsWith.get("edges")).longValue(), edges);
        assertEquals(0, count("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) WHERE p.model <> $model RETURN count(p)",
                Map.of("model", status.get("model"))), "every edge is the joined model's: none written for the first");
    }

    /** The registry's PostgreSQL is shared: later classes gate their own outfit models against none of this one's. */
    @AfterAll
    void retireTheJoinedModel() {
        retireActive("outfit");
    }

    /** Polls the status until the PAIRS_WITH edges are written (at most three minutes). */
    private Map<String, Object> awaitPairsWith() throws InterruptedException {
        Map<String, Object> status = Map.of();
        for (int attempt = 0; attempt < 900; attempt++) {
            status = getJson("/v1/outfits/status");
            Object pairs = status.get("pairsWith");
            if (pairs instanceof Map<?, ?> p && "ready".equals(p.get("status"))) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("PAIRS_WITH not written within three minutes: " + status);
    }
}
