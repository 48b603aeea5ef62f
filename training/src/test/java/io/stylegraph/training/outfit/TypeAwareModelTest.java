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

    private static TypeAwareModel trained(long seed) {
        return new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(8).withEpochs(6).withLearningRate(0.02)
                .withSeed(seed)).train(ToyOutfits.outfits("t", 60, 1), null);
    }

    @Test
    void shouldScoreAnEnsembleAsTheMeanOfItsMembersAlsoThroughAnIndexAndAfterARoundTrip(@TempDir Path dir)
            throws IOException {
        List<TypeAwareModel> members = List.of(trained(1), trained(2), trained(3));
        TypeAwareModel ensemble = TypeAwareModel.ensemble(members);
        assertEquals(3, ensemble.members());
        assertEquals(24, ensemble.dimension());
        assertEquals("1 2 3", ensemble.parameters().get("ensembleSeeds"));

        List<ItemVectors> pool = ToyOutfits.outfits("p", 6, 9).stream().flatMap(o -> o.items().stream()).toList();
        boolean membersDiffer = false;
        for (int a = 0; a < pool.size(); a++) {
            for (int b = a + 1; b < pool.size(); b++) {
                double mean = 0;
                for (TypeAwareModel m : members) {
                    mean += m.pairScore(pool.get(a), pool.get(b)) / members.size();
                }
                membersDiffer |= Math.abs(members.get(0).pairScore(pool.get(a), pool.get(b)) - mean) > 1e-3;
                assertEquals(mean, ensemble.pairScore(pool.get(a), pool.get(b)), 1e-5);
            }
        }
        assertTrue(membersDiffer, "seeds give different members, so the mean is not any one of them");

        CompatibilityIndex index = CompatibilityIndex.build(ensemble, pool);
        int[] partial = {0, 1};
        int[] candidates = java.util.stream.IntStream.range(2, pool.size()).toArray();
        float[] scores = new float[candidates.length];
        index.candidateScores(partial, candidates, scores);
        for (int c = 0; c < candidates.length; c++) {
            double expected = 0;
            for (TypeAwareModel m : members) {
                expected += m.candidateScore(List.of(pool.get(0), pool.get(1)), pool.get(candidates[c]))
                        / members.size();
            }
            assertEquals(expected, scores[c], 1e-5);
        }

        Path file = dir.resolve("ensemble.sgoutfit");
        ensemble.save(file);
        TypeAwareModel loaded = TypeAwareModel.load(file);
        assertEquals(3, loaded.members());
        assertEquals(ensemble.pairScore(pool.get(0), pool.get(3)), loaded.pairScore(pool.get(0), pool.get(3)));
    }

    @Test
    void shouldTrainEnsembleMembersSideBySideAsEachWouldAlone() {
        TypeAwareConfig config = TypeAwareConfig.defaults().withDimension(8).withEpochs(6).withLearningRate(0.02)
                .withSeed(1);
        List<Integer> epochsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

        TypeAwareModel together = ServingModelTrainer.trainEnsemble(config, 3, ToyOutfits.outfits("t", 60, 1),
                (member, summary) -> epochsSeen.add(member));
        TypeAwareModel alone = TypeAwareModel.ensemble(List.of(trained(1), trained(2), trained(3)));

        assertEquals(18, epochsSeen.size(), "six epochs of each of three members");
        assertEquals(java.util.Set.of(1, 2, 3), new java.util.HashSet<>(epochsSeen));
        for (OutfitRecord outfit : ToyOutfits.outfits("x", 5, 4)) {
            assertEquals(alone.score(outfit.items()), together.score(outfit.items()));
        }
        assertEquals(1, ServingModelTrainer.trainEnsemble(config, 1, ToyOutfits.outfits("t", 60, 1), null)
                .members());
    }

    @Test
    void shouldRefuseEnsemblesOfDifferentVocabulariesOrOfEnsembles() {
        TypeAwareModel a = trained(1);
        TypeAwareModel wider = new TypeAwareTrainer(TypeAwareConfig.defaults().withDimension(4).withEpochs(1))
                .train(ToyOutfits.outfits("t", 60, 1), null);

        assertThrows(IllegalArgumentException.class, () -> TypeAwareModel.ensemble(List.of(a, wider)));
        assertThrows(IllegalArgumentException.class,
                () -> TypeAwareModel.ensemble(List.of(TypeAwareModel.ensemble(List.of(a, a)), a)));
        assertThrows(IllegalArgumentException.class, () -> TypeAwareModel.ensemble(List.of()));
    }

    @Test
    void shouldRefuseAFileThatIsNotAModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-model");
        Files.writeString(file, "hello, this is text");

        IOException error = assertThrows(IOException.class, () -> TypeAwareModel.load(file));
        assertTrue(error.getMessage().contains("magic"), error.getMessage());
    }
}
