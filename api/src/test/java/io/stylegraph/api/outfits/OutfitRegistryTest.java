package io.stylegraph.api.outfits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.training.outfit.DevSliceFigures;
import io.stylegraph.training.outfit.TypeAwareModel;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outfit model in the model registry: the served model file is a version of kind {@code outfit} with its
 * dev-slice figures, models trained afterwards pass the dev-FITB gate or are refused, and promoting a version through
 * the API serves it. The models are trained here and measured on their own held-out outfits.
 */
@MicronautTest(transactional = false)
class OutfitRegistryTest extends ApiTestSupport {
    private static final String SCORE = "{\"itemIds\": [\"top-women-0\", \"bottom-women-0\"]}";
    private static Path dir;
    private static TypeAwareModel served;

    @Inject
    OutfitModelLifecycle lifecycle;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            dir = Files.createTempDirectory("outfit-registry");
            Path file = dir.resolve("outfits.sgoutfit");
            served = OutfitFixtures.trainMeasuredModel(file, 8);
            properties.putAll(OutfitFixtures.servedModel(file, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @BeforeAll
    void catalogueAndModelReady() throws Exception {
        clearGraph();
        OutfitFixtures.importInto(graph, catalogue);
        awaitOutfitIndex(SCORE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRecordTheServedModelFileAsAnOutfitVersionWithItsDevFigures() throws IOException {
        long version = servedVersion();
        Map<String, Object> shown = getJson("/v1/models/" + version);

        assertEquals("outfit", shown.get("kind"));
        assertEquals("active", shown.get("status"));
        DevSliceFigures dev = DevSliceFigures.of(served.parameters()).orElseThrow();
        Map<String, Object> metrics = (Map<String, Object>) shown.get("metrics");
        assertEquals(dev.fitb(), ((Number) metrics.get("devFitb")).doubleValue(), 1e-6);
        assertEquals(dev.fitbSameSlot(), ((Number) metrics.get("devFitbSameSlot")).doubleValue(), 1e-6);
        assertEquals(dev.auc(), ((Number) metrics.get("devAuc")).doubleValue(), 1e-6);
        Map<String, Object> parameters = (Map<String, Object>) shown.get("parameters");
        assertTrue(String.valueOf(parameters.get("digest")).startsWith("sha256:"), parameters.toString());
        assertTrue(Files.isRegularFile(Path.of((String) shown.get("artifactPath"))), "the artifact is kept");

        List<Map<String, Object>> listed = listOutfitVersions();
        assertTrue(listed.stream().allMatch(v -> "outfit".equals(v.get("kind"))), listed.toString());
        assertTrue(listed.stream().anyMatch(v -> ((Number) v.get("id")).longValue() == version));
        assertTrue(listOf("/v1/models?kind=recommender").stream().noneMatch(v -> "outfit".equals(v.get("kind"))));
    }

    @Test
    void shouldRefuseAWorseTrainedModelAndKeepServingTheOldOne() throws Exception {
        long before = servedVersion();
        Path worseFile = dir.resolve("untrained.partial");
        TypeAwareModel worse = OutfitFixtures.trainMeasuredModel(worseFile, 0);
        double worseFitb = DevSliceFigures.of(worse.parameters()).orElseThrow().fitb();
        assertTrue(worseFitb < DevSliceFigures.of(served.parameters()).orElseThrow().fitb() * 0.95,
                "the untrained model must be clearly worse on its dev slice: " + worseFitb);

        ModelVersion refused = lifecycle.offer(worseFile, "trained by the test");

        assertEquals(ModelVersion.REJECTED, refused.status());
        Map<String, Object> shown = getJson("/v1/models/" + refused.id());
        assertEquals("rejected", shown.get("status"));
        assertTrue(String.valueOf(shown.get("note")).contains("dev FITB")
                && String.valueOf(shown.get("note")).contains("is below"), String.valueOf(shown.get("note")));
        assertEquals(before, servedVersion(), "the old version keeps serving");
        assertEquals(200, postJson("/v1/outfits/score", SCORE).getStatus().getCode());
        assertTrue(listOutfitVersions().stream().anyMatch(v -> ((Number) v.get("id")).longValue() == refused.id()
                && "rejected".equals(v.get("status"))));
    }

    @Test
    void shouldServeAModelThatPassesTheGateAndRollBackThroughTheApi() throws Exception {
        long before = servedVersion();
        String modelBefore = status().get("model").toString();
        Path retrainedFile = dir.resolve("retrained.partial");
        served.withParameters(Map.of("retrainedBy", "rollback test")).save(retrainedFile);

        ModelVersion promoted = lifecycle.offer(retrainedFile, "trained by the test");

        assertEquals(ModelVersion.ACTIVE, promoted.status(), promoted.note());
        assertTrue(promoted.note().contains("passes against"), promoted.note());
        awaitServed(promoted.id());
        assertNotEquals(modelBefore, status().get("model"), "the model id names the new file's digest");
        assertEquals("retired", getJson("/v1/models/" + before).get("status"));

        postJson("/v1/models/" + before + "/promote", "{\"reason\": \"roll back the outfit model\"}");
        awaitServed(before);
        assertEquals(modelBefore, status().get("model"));
        assertEquals("roll back the outfit model", getJson("/v1/models/" + before).get("note"));
        assertEquals(200, postJson("/v1/outfits/score", SCORE).getStatus().getCode());
    }

    private Map<String, Object> status() {
        return getJson("/v1/outfits/status");
    }

    private long servedVersion() {
        Object version = status().get("registryVersion");
        assertTrue(version instanceof Number, "the status names the registry version: " + status());
        return ((Number) version).longValue();
    }

    /** Waits until the status names {@code version} and the index is ready (the swap runs in the background). */
    private void awaitServed(long version) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            Map<String, Object> now = status();
            if ("ready".equals(now.get("state")) && now.get("registryVersion") instanceof Number n
                    && n.longValue() == version) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("version " + version + " was not served within a minute: " + status());
    }

    private List<Map<String, Object>> listOutfitVersions() throws IOException {
        return listOf("/v1/models?kind=outfit");
    }

    private List<Map<String, Object>> listOf(String uri) throws IOException {
        return json.readValue(client.toBlocking().retrieve(HttpRequest.GET(uri)),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
