package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written gradient of the outfit context model's blank-filling loss against central finite differences. */
class OutfitContextGradientTest {

    private static ItemVectors item(String id, String type, String category, float... text) {
        return new ItemVectors(id, type, category, text.length == 0 ? Map.of() : Map.of(ItemVectors.TEXT, text));
    }

    @Test
    void shouldMatchFiniteDifferencesOfTheBlankFillingLoss() {
        ItemVectors top = item("top", "top", "Tops", 0.6f, -0.8f, 0f);
        ItemVectors bag = item("bag", "bag", null, 1f, 0f, 0f);
        ItemVectors pumps = item("pumps", "shoes", "Pumps");
        ItemVectors jeans = item("jeans", "bottom", "Jeans", 0f, 0.6f, 0.8f);
        ItemVectors skirt = item("skirt", "bottom", "Skirts", 0.8f, 0f, -0.6f);
        ItemVectors sneakers = item("sneakers", "shoes", "Sneakers", 0f, 1f, 0f);
        List<ItemVectors> partial = List.of(top, bag, pumps);
        List<ItemVectors> candidates = List.of(jeans, skirt, sneakers);
        OutfitContextConfig config = OutfitContextConfig.defaults().withDimension(4);
        OutfitContextModel model = new OutfitContextTrainer(config).initialModel(List.of(
                new OutfitRecord("p", partial), new OutfitRecord("c", candidates)));
        // W starts at the identity; make it asymmetric so both of its halves are exercised
        for (int i = 0; i < model.compatibility.length; i++) {
            model.compatibility[i] += (float) Math.sin(3 * i) * 0.4f;
        }
        List<TypeAwareModel.Encoded> p = partial.stream().map(model.vocabulary::encode).toList();
        List<TypeAwareModel.Encoded> c = candidates.stream().map(model.vocabulary::encode).toList();
        OutfitContextLoss loss = new OutfitContextLoss(model);

        double value = loss.example(p, c);

        double[] z = candidates.stream().mapToDouble(x -> model.candidateScore(partial, x)).toArray();
        double normalizer = 0;
        for (double s : z) {
            normalizer += Math.exp(s);
        }
        assertEquals(Math.log(normalizer) - z[0], value, 1e-5, "softmax loss of the hidden item");
        List<float[]> analytic = List.copyOf(loss.gradients()).stream().map(float[]::clone).toList();
        List<float[]> tables = List.of(model.bias, model.typeEmbedding, model.categoryEmbedding, model.projection,
                model.compatibility);
        double h = 1e-3;
        int checked = 0;
        for (int t = 0; t < tables.size(); t++) {
            float[] values = tables.get(t);
            double largest = 0;
            for (int i = 0; i < values.length; i++) {
                float saved = values[i];
                values[i] = (float) (saved + h);
                double plus = new OutfitContextLoss(model).example(p, c);
                values[i] = (float) (saved - h);
                double minus = new OutfitContextLoss(model).example(p, c);
                values[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic.get(t)[i], 1e-3 + 1e-2 * Math.abs(numeric), "table " + t + " entry " + i);
                largest = Math.max(largest, Math.abs(analytic.get(t)[i]));
                checked++;
            }
            assertTrue(largest > 1e-3, "table " + t + " gets a gradient");
        }
        assertTrue(checked > 60, "checked " + checked + " entries");
    }

    @Test
    void shouldScoreACandidateAsItsMeanPairScoreWithThePartialOutfit() {
        ItemVectors top = item("top", "top", "Tops", 0.6f, -0.8f, 0f);
        ItemVectors bag = item("bag", "bag", "Bags", 1f, 0f, 0f);
        ItemVectors jeans = item("jeans", "bottom", "Jeans", 0f, 0.6f, 0.8f);
        OutfitContextModel model = new OutfitContextTrainer(OutfitContextConfig.defaults().withDimension(6))
                .initialModel(List.of(new OutfitRecord("o", List.of(top, bag, jeans))));
        for (int i = 0; i < model.compatibility.length; i++) {
            model.compatibility[i] += (float) Math.cos(i) * 0.3f;
        }

        double candidate = model.candidateScore(List.of(top, bag), jeans);

        assertEquals((model.pairScore(top, jeans) + model.pairScore(bag, jeans)) / 2, candidate, 1e-5);
        assertEquals(model.pairScore(top, jeans), model.pairScore(jeans, top), 1e-6, "symmetric");
        float[] scores = new float[1];
        model.poolScorer(List.of(top, bag, jeans)).candidateScores(new int[] {0, 1}, new int[] {2}, scores);
        assertEquals(candidate, scores[0], 1e-5, "the pool scorer agrees");
    }
}
