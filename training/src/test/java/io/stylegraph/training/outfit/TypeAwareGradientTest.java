package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written gradient against central finite differences of the same loss, in double-checked places. */
class TypeAwareGradientTest {

    private static ItemVectors item(String id, String type, String category, float... text) {
        return new ItemVectors(id, type, category, text.length == 0 ? Map.of() : Map.of(ItemVectors.TEXT, text));
    }

    @Test
    void shouldMatchFiniteDifferencesOfTheLoss() {
        ItemVectors top = item("top", "top", "Tops", 0.6f, -0.8f, 0f);
        ItemVectors jeans = item("jeans", "bottom", "Jeans", 0f, 0.6f, 0.8f);
        ItemVectors pumps = item("pumps", "shoes", "Pumps");
        ItemVectors bag = item("bag", "bag", null, 1f, 0f, 0f);
        ItemVectors otherJeans = item("other-jeans", "bottom", "Jeans", 0.8f, 0f, -0.6f);
        ItemVectors sneakers = item("sneakers", "shoes", "Sneakers", 0f, 1f, 0f);
        List<ItemVectors> real = List.of(top, jeans, pumps, bag);
        ItemVectors belt = item("belt", "accessory", "Belts", 0f, 0f, 1f);
        List<ItemVectors> wrong = List.of(top, otherJeans, sneakers, belt);
        TypeAwareConfig config = TypeAwareConfig.defaults().withDimension(5).withScale(3).withCategoryDropout(0)
                .withItemEmbeddings(true);
        TypeAwareTrainer trainer = new TypeAwareTrainer(config);
        TypeAwareModel model = trainer.initialModel(List.of(new OutfitRecord("r", real), new OutfitRecord("w", wrong)));
        // item embeddings start at zero; give them values so their gradient path is exercised off the origin
        for (int i = 0; i < model.itemEmbedding.length; i++) {
            model.itemEmbedding[i] = (float) Math.sin(i) * 0.2f;
        }
        for (int i = 0; i < model.masks.length; i++) {
            model.masks[i] = 1f + (float) Math.cos(i) * 0.5f;
        }

        TypeAwareTrainer.Gradient analytic = trainer.gradient(model, real, wrong);

        double expectedLoss = Math.log1p(Math.exp(-3 * (model.outfitScore(real) - model.outfitScore(wrong))));
        assertEquals(expectedLoss, analytic.loss(), 1e-5, "only changed pairs enter, the rest cancels");
        assertEquals(true, checkAgainstFiniteDifferences(model, analytic,
                () -> trainer.gradient(model, real, wrong).loss()) > 100);
        for (float[] gradient : analytic.tables()) {
            double largest = 0;
            for (float value : gradient) {
                largest = Math.max(largest, Math.abs(value));
            }
            assertEquals(true, largest > 1e-2, "every table gets a gradient");
        }
    }

    @Test
    void shouldMatchFiniteDifferencesOfTheBlankFillingLoss() {
        ItemVectors top = item("top", "top", "Tops", 0.6f, -0.8f, 0f);
        ItemVectors bag = item("bag", "bag", null, 1f, 0f, 0f);
        ItemVectors jeans = item("jeans", "bottom", "Jeans", 0f, 0.6f, 0.8f);
        ItemVectors otherJeans = item("other-jeans", "bottom", "Jeans", 0.8f, 0f, -0.6f);
        ItemVectors sneakers = item("sneakers", "shoes", "Sneakers", 0f, 1f, 0f);
        List<ItemVectors> partial = List.of(top, bag);
        List<ItemVectors> candidates = List.of(jeans, otherJeans, sneakers);
        TypeAwareConfig config = TypeAwareConfig.defaults().withDimension(4).withScale(3).withCategoryDropout(0);
        TypeAwareTrainer trainer = new TypeAwareTrainer(config);
        TypeAwareModel model = trainer.initialModel(List.of(new OutfitRecord("p", partial),
                new OutfitRecord("c", candidates)));
        for (int i = 0; i < model.masks.length; i++) {
            model.masks[i] = 1f + (float) Math.cos(i) * 0.5f;
        }

        TypeAwareTrainer.Gradient analytic = trainer.blankGradient(model, partial, candidates);

        double[] z = candidates.stream().mapToDouble(c -> 3 * model.candidateScore(partial, c)).toArray();
        double normalizer = 0;
        for (double value : z) {
            normalizer += Math.exp(value);
        }
        assertEquals(Math.log(normalizer) - z[0], analytic.loss(), 1e-5, "softmax loss of the hidden item");
        assertEquals(true, checkAgainstFiniteDifferences(model, analytic,
                () -> trainer.blankGradient(model, partial, candidates).loss()) > 50);
    }

    /**
     * Compares every entry of the model's tables' analytic gradient with a central difference of {@code loss};
     * returns how many entries were checked.
     */
    private static int checkAgainstFiniteDifferences(TypeAwareModel model, TypeAwareTrainer.Gradient analytic,
                                                     java.util.function.DoubleSupplier loss) {
        List<float[]> tables = List.of(model.bias, model.typeEmbedding, model.categoryEmbedding, model.itemEmbedding,
                model.projection, model.masks, model.pairBias);
        double h = 1e-3;
        int checked = 0;
        for (int t = 0; t < tables.size(); t++) {
            float[] values = tables.get(t);
            for (int i = 0; i < values.length; i++) {
                float saved = values[i];
                values[i] = (float) (saved + h);
                double plus = loss.getAsDouble();
                values[i] = (float) (saved - h);
                double minus = loss.getAsDouble();
                values[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, analytic.tables().get(t)[i], 2e-3 + 2e-2 * Math.abs(numeric),
                        "table " + t + " entry " + i);
                checked++;
            }
        }
        return checked;
    }
}
