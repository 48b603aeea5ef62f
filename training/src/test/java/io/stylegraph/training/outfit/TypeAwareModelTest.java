package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeAwareModelTest {

    private static TypeAwareModel trained() {
        return new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(20).withLearningRate(0.02)
                .withCategoryDropout(0.1)).train(ToyOutfits.outfits("t", 150, 1), null);
    }

    @Test
    void shouldGiveIdenticalScoresAfterASaveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        TypeAwareModel model = trained();
        Path file = dir.resolve("models/outfit.sgoutfit");

        model.save(file);
        TypeAwareModel loaded = TypeAwareModel.load(file);

        assertEquals(model.types(), loaded.types());
        assertEquals(model.features(), loaded.features());
        assertEquals(model.parameters(), loaded.parameters());
        for (OutfitRecord outfit : ToyOutfits.outfits("x", 10, 4)) {
            CompatibilityModel.OutfitScore before = model.score(outfit.items());
            CompatibilityModel.OutfitScore after = loaded.score(outfit.items());
            assertEquals(before, after);
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void shouldNameTheWeakestPairAndRankCandidatesForAMissingSlot() {
        TypeAwareModel model = trained();
        Random random = new Random(8);
        ItemVectors redTop = ToyOutfits.item("red-top", "top", 0, random);
        ItemVectors redBottom = ToyOutfits.item("red-bottom", "bottom", 0, random);
        ItemVectors greenShoes = ToyOutfits.item("green-shoes", "shoes", 2, random);
        ItemVectors redShoes = ToyOutfits.item("red-shoes", "shoes", 0, random);
        ItemVectors blueShoes = ToyOutfits.item("blue-shoes", "shoes", 1, random);

        CompatibilityModel.OutfitScore score = model.score(List.of(redTop, redBottom, greenShoes));
        assertEquals(3, score.pairs().size());
        CompatibilityModel.PairScore weakest = score.weakest().orElseThrow();
        assertTrue(weakest.first().equals("green-shoes") || weakest.second().equals("green-shoes"), weakest.toString());
        assertEquals(score.score(), model.outfitScore(List.of(redTop, redBottom, greenShoes)), 1e-9);
        assertTrue(model.outfitScore(List.of(redTop, redBottom, redShoes))
                > model.outfitScore(List.of(redTop, redBottom, greenShoes)));

        Map<String, List<CompatibilityModel.RankedCandidate>> completed = model.complete(List.of(redTop, redBottom),
                Map.of("shoes", List.of(blueShoes, greenShoes, redShoes)));
        assertEquals("red-shoes", completed.get("shoes").get(0).item().id());
        assertEquals(3, completed.get("shoes").size());
    }

    @Test
    void shouldScoreItemsWithoutCategoryOrTextAndTreatUnknownTypesAsOther() {
        TypeAwareModel model = trained();
        Random random = new Random(2);
        ItemVectors top = ToyOutfits.item("a", "top", 0, random);
        ItemVectors bare = ItemVectors.of("b", "bottom", null);

        assertTrue(Double.isFinite(model.pairScore(top.withoutCategory(), bare)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.pairScore(top, ItemVectors.of("c", "hat", null)));
        assertTrue(error.getMessage().contains("hat"), error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> model.pairScore(top, new ItemVectors("d", "bottom", null, Map.of("text", new float[2]))));
    }

    @Test
    void shouldRefuseAFileThatIsNotAModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-model");
        Files.writeString(file, "hello, this is text");

        IOException error = assertThrows(IOException.class, () -> TypeAwareModel.load(file));
        assertTrue(error.getMessage().contains("magic"), error.getMessage());
    }
}
