package io.stylegraph.training.outfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DevFoldsTest {

    @Test
    void shouldPutEveryOutfitInOneStableFoldAndSplitThemRoughlyEvenly() {
        int[] sizes = new int[5];
        for (int i = 0; i < 1000; i++) {
            int fold = DevFolds.fold("pv-" + (100_000 + i), 5);
            assertEquals(fold, DevFolds.fold("pv-" + (100_000 + i), 5), "the same fold every time");
            sizes[fold]++;
        }
        for (int size : sizes) {
            assertTrue(size > 150 && size < 250, java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void shouldSummarizeFoldMeansWithStandardErrorsAndPairedDifferencesFromTheServedSettings() {
        double[] served = {0.60, 0.70, 0.80};
        double[] other = {0.65, 0.72, 0.83};
        List<DevFolds.FoldResult> results = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            results.add(new DevFolds.FoldResult(f, 100, DevFolds.SERVED, figures(served[f])));
            results.add(new DevFolds.FoldResult(f, 100, DevFolds.NO_BLANKS, figures(other[f])));
        }

        List<DevFolds.Summary> summaries = DevFolds.summarize(results, 3);

        DevFolds.Summary servedFitb = find(summaries, DevFolds.SERVED, "FITB");
        assertEquals(0.70, servedFitb.mean(), 1e-9);
        assertEquals(0.1 / Math.sqrt(3), servedFitb.standardError(), 1e-9);
        assertEquals(0, servedFitb.meanDifferenceFromServed(), 1e-12);
        DevFolds.Summary otherFitb = find(summaries, DevFolds.NO_BLANKS, "FITB");
        assertEquals(0.7333333333, otherFitb.mean(), 1e-9);
        assertEquals(0.0333333333, otherFitb.meanDifferenceFromServed(), 1e-9);
        // differences 0.05, 0.02, 0.03: sample sd 0.0152753, over sqrt(3)
        assertEquals(0.0152752523 / Math.sqrt(3), otherFitb.differenceStandardError(), 1e-9);
        assertEquals(6, summaries.size(), "two contenders, three metrics");
    }

    @Test
    void shouldRefuseFewerThanTwoFolds() {
        assertThrows(IllegalArgumentException.class, () -> new DevFolds.Settings(null, 1, 42,
                OutfitEvaluation.Tuning.none(), null));
    }

    @Test
    void shouldReadNamesUnlessToldToReadItemTextsAsTheServiceDoes() {
        assertEquals(NameText.NAME, new DevFolds.Settings(null, 5, 42, OutfitEvaluation.Tuning.none(), null)
                .textInput());
        assertEquals(NameText.ITEM_TEXT, new DevFolds.Settings(null, 5, 42, OutfitEvaluation.Tuning.none(), null,
                NameText.parse("item-text")).textInput());
        assertThrows(IllegalArgumentException.class, () -> NameText.parse("title"));
    }

    @Test
    void shouldRunEveryContenderButNamesAloneUnlessSomeAreChosenAndTheServedSettingsAlways() {
        OutfitEvaluation.Tuning none = OutfitEvaluation.Tuning.none();
        assertEquals(List.of(DevFolds.SERVED, DevFolds.NO_BLANKS, DevFolds.WITH_COOCCURRENCE, DevFolds.PRICED,
                DevFolds.PRICED_BLEND, DevFolds.COOCCURRENCE), new DevFolds.Settings(null, 5, 42, none, null,
                NameText.ITEM_TEXT).labels());
        assertEquals(List.of(DevFolds.SERVED, DevFolds.SERVED_NAME, DevFolds.WITH_COOCCURRENCE),
                new DevFolds.Settings(null, 5, 42, none, null, NameText.ITEM_TEXT,
                        List.of("co-occurrence-blend", "served-name"), null).labels());
        assertEquals(List.of(DevFolds.SERVED, DevFolds.WITH_TEXT_CATEGORIES), new DevFolds.Settings(null, 5, 42, none,
                null, NameText.NAME, List.of("text-category-blend"), null).labels(), "opt-in, as served-name");
        assertEquals(List.of(DevFolds.SERVED, OutfitContextContenders.CONTEXT, OutfitContextContenders.CONTEXT_BLEND),
                new DevFolds.Settings(null, 5, 42, none, null, NameText.ITEM_TEXT,
                        List.of("context-blend", "context"), null).labels(), "the outfit context rows are opt-in");
        assertThrows(IllegalArgumentException.class, () -> new DevFolds.Settings(null, 5, 42, none, null,
                NameText.ITEM_TEXT, List.of("best"), null));
        assertThrows(IllegalArgumentException.class, () -> new DevFolds.Settings(null, 5, 42, none, null,
                NameText.NAME, List.of("served-name"), null), "names beside names is the served row itself");
    }

    private static Map<String, Double> figures(double value) {
        return Map.of("FITB", value, "FITB same-slot", value / 2, "AUC", 0.9);
    }

    private static DevFolds.Summary find(List<DevFolds.Summary> summaries, String contender, String metric) {
        return summaries.stream().filter(s -> s.contender().equals(contender) && s.metric().equals(metric))
                .findFirst().orElseThrow();
    }
}
