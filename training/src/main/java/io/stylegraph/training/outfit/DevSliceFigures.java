package io.stylegraph.training.outfit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a compatibility model does on held-out outfits it was not trained on, by the protocol of
 * {@code evaluate-outfits}: fill-in-the-blank with 4 candidates (3 distractors of any slot, or of the blank's slot)
 * and AUC of real outfits against the same outfits with every item replaced, all drawn with seed {@link #SEED}. The
 * served model carries these figures of its dev slice in its parameters, so whoever loads the file can gate on them.
 */
public record DevSliceFigures(double fitb, double fitbSameSlot, double auc, int outfits) {
    /** The benchmark seed, {@code evaluate-outfits}' default, so the same dev slice always gets the same questions. */
    public static final long SEED = 2017;
    public static final String FITB = "devFitb";
    public static final String FITB_SAME_SLOT = "devFitbSameSlot";
    public static final String AUC = "devAuc";
    public static final String OUTFITS = "devOutfits";
    private static final int CANDIDATES = 4;

    /** Measures {@code model} on {@code heldOut} (outfits of at least two items; the rest are skipped). */
    public static DevSliceFigures measure(CompatibilityModel model, List<OutfitRecord> heldOut) {
        List<OutfitBenchmark.FitbQuestion> any = OutfitBenchmark.fitbQuestions(heldOut, CANDIDATES,
                OutfitBenchmark.Draw.ANY_TYPE, SEED);
        List<OutfitBenchmark.FitbQuestion> same = OutfitBenchmark.fitbQuestions(heldOut, CANDIDATES,
                OutfitBenchmark.Draw.SAME_TYPE, SEED);
        double auc = OutfitBenchmark.auc(model, heldOut,
                OutfitBenchmark.replaced(heldOut, OutfitBenchmark.Draw.ANY_TYPE, SEED));
        return new DevSliceFigures(OutfitBenchmark.fitbAccuracy(model, any), OutfitBenchmark.fitbAccuracy(model, same),
                auc, any.size());
    }

    /** The figures as model parameters. */
    public Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(FITB, fmt(fitb));
        map.put(FITB_SAME_SLOT, fmt(fitbSameSlot));
        map.put(AUC, fmt(auc));
        map.put(OUTFITS, Integer.toString(outfits));
        return map;
    }

    /** The figures a model's parameters carry, if it was measured on a dev slice. */
    public static Optional<DevSliceFigures> of(Map<String, String> parameters) {
        String fitb = parameters.get(FITB);
        if (fitb == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DevSliceFigures(Double.parseDouble(fitb),
                    Double.parseDouble(parameters.getOrDefault(FITB_SAME_SLOT, "NaN")),
                    Double.parseDouble(parameters.getOrDefault(AUC, "NaN")),
                    Integer.parseInt(parameters.getOrDefault(OUTFITS, "0"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
