package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Polyvore Outfits (disjoint) part of {@link OutfitEvaluation}: the type-aware model with item embeddings,
 * trained on train_pos (or loaded), beside item and category co-occurrence and a random scorer, measured with the
 * data set's own compatibility AUC on the test, valid and train files.
 */
final class DisjointEvaluation {

    private final OutfitEvaluation.Settings settings;
    private final PrintStream out;
    private final OutfitReportDraft draft;

    DisjointEvaluation(OutfitEvaluation.Settings settings, PrintStream out, OutfitReportDraft draft) {
        this.settings = settings;
        this.out = out;
        this.draft = draft;
    }

    /** Loads the three splits, trains or loads the model, measures it and adds figures, anchors and notes. */
    void run() throws Exception {
        Path folder = settings.datasetsDir().resolve(OutfitEvaluation.DISJOINT);
        out.printf("loading %s from %s%n", OutfitEvaluation.DISJOINT, folder);
        long loadStart = System.nanoTime();
        List<List<String>> itemIds = DisjointData.itemIds(folder);
        DisjointData.Split train = DisjointData.split(folder, "train", itemIds);
        DisjointData.Split valid = DisjointData.split(folder, "valid", itemIds);
        DisjointData.Split test = DisjointData.split(folder, "test", itemIds);
        draft.time("load seconds", loadStart);
        long testItems = OutfitEvaluation.items(test.positives());
        long seenTest = DisjointData.seenOccurrences(test.positives(), train.positives());
        long validItems = OutfitEvaluation.items(valid.positives());
        long seenValid = DisjointData.seenOccurrences(valid.positives(), train.positives());
        draft.data.put("training outfits (train_pos)", train.positives().size());
        draft.data.put("valid outfits (valid_pos / valid_neg)", valid.positives().size() + " / "
                + valid.negatives().size());
        draft.data.put("test outfits (test_pos / test_neg)", test.positives().size() + " / "
                + test.negatives().size());
        draft.data.put("test item occurrences whose item occurs in train_pos", String.format(Locale.ROOT,
                "%d of %d (%.2f %%)", seenTest, testItems, 100.0 * seenTest / Math.max(1, testItems)));
        draft.data.put("valid item occurrences whose item occurs in train_pos", String.format(Locale.ROOT,
                "%d of %d (%.2f %%)", seenValid, validItems, 100.0 * seenValid / Math.max(1, validItems)));
        draft.data.put("test rows whose negative has the positive's category sequence", String.format(Locale.ROOT,
                "%d of %d", DisjointData.sameTypeSequence(test.positives(), test.negatives()),
                test.positives().size()));
        out.printf(Locale.ROOT, "train %d outfits; valid %d+%d; test %d+%d; test items seen in training %d of %d%n",
                train.positives().size(), valid.positives().size(), valid.negatives().size(),
                test.positives().size(), test.negatives().size(), seenTest, testItems);

        TypeAwareModel model = new TypeAwareContenders(settings, out, draft).underTest(train.positives(),
                TypeAwareConfig.defaults().withItemEmbeddings(true).withCategoryDropout(0).withEpochs(10));
        CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train.positives());
        List<Contender> contenders = List.of(
                Contender.of("type-aware (category + item embeddings)", model),
                Contender.of("co-occurrence (category + item PMI)", cooccurrence),
                Contender.of("random scorer", new RandomCompatibility(settings.benchmarkSeed())));
        long evalStart = System.nanoTime();
        draft.add(AucEvaluator.evaluate("AUC, test_pos vs test_neg", "the data set's own compatibility test: each "
                + "positive outfit against the negative of the same row (same length and category sequence)",
                test.positives(), test.negatives(), contenders));
        draft.add(AucEvaluator.evaluate("AUC, valid_pos vs valid_neg", "the same on the validation files (more of "
                + "their items occur in training)", valid.positives(), valid.negatives(), contenders));
        draft.add(AucEvaluator.evaluate("AUC, train_pos vs train_neg (fit, not generalization)", "the training "
                + "outfits themselves against train_neg: how well the model fits the outfits it learned from",
                train.positives(), train.negatives(), contenders));
        draft.time("evaluation seconds", evalStart);
        long start = System.nanoTime();
        OutfitBenchmark.scores(model, test.positives());
        draft.timings.put("type-aware outfits scored per second (one thread)",
                test.positives().size() / OutfitReportDraft.seconds(start));

        draft.anchors.add("Polyvore Outfits (disjoint) compatibility AUC 0.86: type-aware embeddings with images "
                + "(and text) (Vasileva et al., ECCV 2018).");
        draft.notes.add("The model and the co-occurrence baseline see only the 11 categories and which training "
                + "outfits items share; no images, no names (the data has neither).");
        draft.notes.add("In this data each negative keeps its positive's length and category sequence and is made of "
                + "items of the same split's positive outfits, so category statistics cannot tell the two apart; "
                + "and the disjoint split shares almost no items between train and test (see Data), so item "
                + "co-occurrence learned from train_pos has next to nothing to say about test outfits. Both models "
                + "therefore land at chance on the test files. This is a property of the benchmark for a "
                + "content-free model, not a failure to train: the train rows show what the same models do on "
                + "items they have seen.");
        draft.notes.add("Counting co-occurrence inside the test files themselves would read the answer off "
                + "test_pos, so nothing is learned from valid or test rows.");
        draft.notes.add("The random scorer ranks by a seeded hash of the items: its figure is chance measured on the "
                + "very same rows; 'chance' is the expected value 0.5. Ties (equal scores) count one half in AUC.");
    }
}
