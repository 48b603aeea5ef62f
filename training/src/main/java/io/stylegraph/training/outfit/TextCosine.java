package io.stylegraph.training.outfit;

/**
 * How alike two items' texts read: the cosine of their text vectors ({@link ItemVectors#TEXT}), 0 where either lacks
 * one. Nothing is learned: a sentence encoder already places "black leather ankle boots" nearer "black leather
 * biker jacket" than "pastel floral sundress", and pieces of one outfit tend to share such a palette, material or
 * mood. Blended into a trained model's score as a prior of style coherence.
 */
public final class TextCosine implements CompatibilityModel {

    public static final String NAME = "text cosine";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double pairScore(ItemVectors a, ItemVectors b) {
        float[] x = a.features().get(ItemVectors.TEXT);
        float[] y = b.features().get(ItemVectors.TEXT);
        if (x == null || y == null || x.length != y.length) {
            return 0;
        }
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int d = 0; d < x.length; d++) {
            dot += x[d] * y[d];
            xx += x[d] * x[d];
            yy += y[d] * y[d];
        }
        return xx == 0 || yy == 0 ? 0 : dot / Math.sqrt(xx * yy);
    }
}
