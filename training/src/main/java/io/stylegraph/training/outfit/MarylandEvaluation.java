package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.text.MiniLmTextEncoder;

/**
 * The Maryland Polyvore part of {@link OutfitEvaluation}: the type-aware model trained on the named outfits outside
 * the held-out slice (beside the baseline training, a price-band variant and its blend with co-occurrence, unless
 * the model is loaded), its ablations without category or without text, category co-occurrence and a random scorer,
 * measured with fill-in-the-blank, compatibility AUC and complete-the-look retrieval on the held-out slice (or on
 * another outfits file), and on Maryland's category-only test split.
 */
final class MarylandEvaluation {

    /** The label of the type-aware model that also reads the item's price band. */
    static final String PRICED = "type-aware + price band";

    /** Weight of category co-occurrence beside the priced model in the blend, chosen on the dev slice. */
    static final double BLEND_WEIGHT = 1.0;

    /**
     * Weight of the word overlap of item names ({@link WordOverlap}) beside the type-aware model and the text-category
     * co-occurrence, chosen on the dev folds ({@code --dev-folds 5 --contenders words-blend-…}).
     */
    static final double WORD_WEIGHT = 16;

    /** The label of today's type-aware training (corruption ranking only), kept as the baseline. */
    static final String BASELINE = "type-aware baseline (no blanks)";
    /** The co-occurrence blend as a catalogue could be served it ({@link TextCategoryCooccurrence}). */
    static final String TEXT_CATEGORY_BLEND = "type-aware + co-occurrence, categories from text";
    /** What the service serves: {@link #TEXT_CATEGORY_BLEND} plus the word overlap of item names. */
    static final String SERVED_BLEND = TEXT_CATEGORY_BLEND + " + word overlap";
    /**
     * What a service serves with {@code stylegraph.outfits.members: 3}: {@link ServingModelTrainer#ENSEMBLE_MEMBERS}
     * type-aware models of successive seeds joined as one ({@link TypeAwareModel#ensemble}), with the same blends.
     */
    static final String SERVED_ENSEMBLE = ServingModelTrainer.ENSEMBLE_MEMBERS + " seeds joined + "
            + "co-occurrence, categories from text + word overlap";
    /** The word overlap of item names alone. */
    static final String WORDS = "word overlap of names (tf-idf cosine)";

    private final OutfitEvaluation.Settings settings;
    private final PrintStream out;
    private final OutfitReportDraft draft;
    private final TypeAwareContenders models;

    MarylandEvaluation(OutfitEvaluation.Settings settings, PrintStream out, OutfitReportDraft draft) {
        this.settings = settings;
        this.out = out;
        this.draft = draft;
        this.models = new TypeAwareContenders(settings, out, draft);
    }

    /** Loads Maryland, trains or loads the models, measures them and adds figures, anchors and notes. */
    void run() throws Exception {
        Path folder = settings.datasetsDir().resolve(OutfitEvaluation.MARYLAND);
        MarylandData.Holdout holdout = settings.holdout();
        Path outfits = settings.outfits();
        out.printf("loading %s from %s (held out: %s)%n", OutfitEvaluation.MARYLAND, folder, holdout);
        long loadStart = System.nanoTime();
        TextEncoder encoder = new MiniLmTextEncoder();
        List<ExtraVectors> prices = List.of(PriceVectors.read(folder.resolve(MarylandData.VALID_FILE)));
        NameText form = settings.textInput();
        MarylandData.Loaded loaded = MarylandData.load(folder, encoder, form, holdout, prices,
                settings.vectorCache(), out);
        draft.time("load and encode seconds", loadStart);
        TextVectors.Stats text = loaded.textStats();
        draft.timings.put("names encoded", (double) text.encoded());
        draft.timings.put("names from cache", (double) text.fromCache());
        if (text.encoded() > 0) {
            draft.timings.put("name encoding seconds", text.seconds());
            draft.timings.put("names encoded per second", text.perSecond());
        }
        List<OutfitRecord> train = loaded.train();
        out.printf(Locale.ROOT, "train: %d named + %d category-only outfits; held out (%s): %d; category-only test: "
                        + "%d%n", loaded.trainNamed().size(), loaded.trainCategoryOnly().size(), holdout,
                loaded.heldOut().size(), loaded.testCategoryOnly().size());
        draft.data.put("training outfits, named (outfits-valid.jsonl outside the held-out slice)",
                loaded.trainNamed().size());
        draft.data.put("training outfits, category only (outfits-train-categories.jsonl)",
                loaded.trainCategoryOnly().size());
        draft.data.put("held-out slice", holdout == MarylandData.Holdout.TEST
                ? "test: outfits-valid.jsonl outfits whose FNV-1a(set_id) mod 10 is 0, 1 or 2"
                : "dev: outfits-valid.jsonl outfits whose FNV-1a(set_id) mod 10 is 3 (test slice excluded from "
                + "training too)");
        draft.data.put("held-out outfits", loaded.heldOut().size());
        draft.data.put("held-out items", OutfitEvaluation.items(loaded.heldOut()));
        draft.data.put("held-out items with a name", OutfitEvaluation.withText(loaded.heldOut()));
        draft.data.put("held-out items with a price", loaded.heldOut().stream().flatMap(o -> o.items().stream())
                .filter(i -> i.features().containsKey(PriceVectors.FEATURE)).count());
        draft.data.put("category-only test outfits (outfits-test-categories.jsonl)",
                loaded.testCategoryOnly().size());
        draft.data.put("text encoder", encoder.modelId() + " (" + encoder.dimension() + "-d), " + (form == NameText.NAME
                ? "item names only" : "item texts (" + form.wireName() + ": name and category, as search joins an "
                + "item's words; what the service trains on)"));

        UnaryOperator<ItemVectors> noPrice = i -> i.withoutFeature(PriceVectors.FEATURE);
        List<OutfitRecord> named = train.stream().map(o -> o.map(noPrice)).toList();
        TypeAwareModel model = models.underTest(named, TypeAwareConfig.served());
        CooccurrenceModel cooccurrence = CooccurrenceModel.fit(train);
        RandomCompatibility random = new RandomCompatibility(settings.benchmarkSeed());
        Contender full = new Contender("type-aware", model, UnaryOperator.identity(), true);
        Contender noCategory = new Contender("type-aware, text + slot (no category)", model,
                ItemVectors::withoutCategory);
        Contender noText = new Contender("type-aware, category only (no text)", model,
                i -> i.withoutFeature(ItemVectors.TEXT));
        Contender cooc = new Contender("co-occurrence (category PMI)", cooccurrence, UnaryOperator.identity(),
                true);
        Contender rnd = Contender.of("random scorer", random);
        List<Contender> contenders = new ArrayList<>(List.of(full, noCategory, noText));
        if (settings.modelIn() == null) {
            TypeAwareModel baseline = models.beside(BASELINE, named, TypeAwareConfig.defaults(), true);
            contenders.add(1, new Contender(BASELINE, baseline, UnaryOperator.identity(), true));
            TypeAwareModel priced = models.beside(PRICED, train, TypeAwareConfig.served(), false);
            contenders.add(new Contender(PRICED, priced, UnaryOperator.identity(), true));
            contenders.add(new Contender(PRICED + ", price hidden", priced, noPrice));
            contenders.add(Contender.of(PRICED + " + co-occurrence", new BlendedCompatibility(PRICED
                    + " + co-occurrence", List.of(priced, cooccurrence), new double[] {1, BLEND_WEIGHT})));
            OutfitContextConfig context = settings.tuning().context(settings.seed());
            long start = System.nanoTime();
            OutfitContextContenders.train(List.of(OutfitContextContenders.CONTEXT,
                    OutfitContextContenders.CONTEXT_BLEND), context, train, named, new OutfitContextContenders.Blended(model, cooccurrence), out).forEach((label, m) ->
                    contenders.add(new Contender(label, m, UnaryOperator.identity(), true)));
            draft.time("training seconds, outfit context rows", start);
            draft.parameters.putAll(context.parameters());
            draft.notes.addAll(OutfitContextContenders.notes(context));
        }
        TypeAwareModel servedBlends = ServingModelTrainer.withServedBlends(model, named);
        contenders.add(Contender.of(TEXT_CATEGORY_BLEND, new BlendedCompatibility(TEXT_CATEGORY_BLEND,
                List.of(model, servedBlends.textCategoryBlend().orElseThrow().cooccurrence()),
                new double[] {1, BLEND_WEIGHT})));
        contenders.add(new Contender(SERVED_BLEND, servedBlends.served(), UnaryOperator.identity(), true));
        if (settings.modelIn() == null && model.members() == 1) {
            List<TypeAwareModel> members = new ArrayList<>(List.of(model));
            long start = System.nanoTime();
            for (int m = 1; m < ServingModelTrainer.ENSEMBLE_MEMBERS; m++) {
                members.add(models.beside("member " + (m + 1), named, TypeAwareConfig.served(), false, m));
            }
            draft.time("training seconds, further ensemble members", start);
            contenders.add(new Contender(SERVED_ENSEMBLE, ServingModelTrainer.withServedBlends(
                    TypeAwareModel.ensemble(members), named).served(), UnaryOperator.identity(), true));
        }
        contenders.add(new Contender(WORDS, servedBlends.wordBlend().orElseThrow().overlap(), UnaryOperator.identity(),
                true));
        contenders.add(cooc);
        contenders.add(rnd);

        long evalStart = System.nanoTime();
        if (outfits != null) {
            TextVectors.Stats[] stats = new TextVectors.Stats[1];
            List<OutfitRecord> other = MarylandData.loadNamed(outfits, loaded.categories(), form, encoder,
                    List.of(), settings.vectorCache(), out, stats);
            draft.data.put("evaluated outfits file", outfits.toString());
            draft.data.put("evaluated outfits", other.size());
            draft.data.put("evaluated items", OutfitEvaluation.items(other));
            draft.data.put("evaluated items with a name", OutfitEvaluation.withText(other));
            String where = outfits.getFileName().toString();
            benchmarks(where, other, contenders, true);
        } else {
            String where = holdout == MarylandData.Holdout.TEST ? "held-out slice" : "dev slice";
            benchmarks(where, loaded.heldOut(), contenders, true);
            if (!loaded.testCategoryOnly().isEmpty() && holdout == MarylandData.Holdout.TEST) {
                benchmarks("Maryland test split, categories only", loaded.testCategoryOnly(),
                        List.of(full, cooc, rnd), false);
            }
        }
        draft.time("evaluation seconds", evalStart);
        List<OutfitRecord> throughputSet = outfits != null ? List.of() : loaded.heldOut();
        if (!throughputSet.isEmpty()) {
            long start = System.nanoTime();
            int scored = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                OutfitBenchmark.scores(model, throughputSet);
                scored += throughputSet.size();
            }
            draft.timings.put("type-aware outfits scored per second (one thread, item vectors given)",
                    scored / OutfitReportDraft.seconds(start));
        }

        draft.anchors.add("Maryland Polyvore FITB 68.6 %: Bi-LSTM with images (Han et al., ACM MM 2017), on the "
                + "full Maryland test split with its own FITB questions.");
        draft.notes.add("This model sees no images: item names through " + encoder.modelId()
                + " plus learned category and slot embeddings. Names of the 15,870 category-only training outfits "
                + "are not in the data, so the text part learns from the named outfits of outfits-valid.jsonl only.");
        if (settings.modelIn() == null) {
            draft.notes.add("'type-aware' is what the service trains (TypeAwareConfig.served()): a share of "
                    + TypeAwareConfig.SERVED_BLANK_SHARE + " of its training examples are blank-filling questions "
                    + "(the hidden item against " + (TypeAwareConfig.served().blankCandidates() - 1)
                    + " replacements in a softmax); '" + BASELINE + "' is the same model trained as before, on "
                    + "ranking partly-replaced outfits only. The text + slot and category-only rows are ablations "
                    + "of 'type-aware'.");
            draft.notes.add("'" + PRICED + "' is 'type-aware' trained with each item's price band as a second content "
                    + "vector (deciles of log price over outfits-valid.jsonl; no outfit membership used). Catalogue "
                    + "items carry no price, so the service cannot serve it; ', price hidden' scores it without "
                    + "prices. ' + co-occurrence' adds the category PMI pair score with weight " + BLEND_WEIGHT
                    + " (chosen on the dev slice).");
        }
        draft.notes.add("'" + TEXT_CATEGORY_BLEND + "' adds to 'type-aware' the category PMI (weight " + BLEND_WEIGHT
                + ") as the service could serve it on a catalogue: each evaluated item takes the training category "
                + "whose mean text vector is nearest its own, and item pairs seen in training do not count.");
        draft.notes.add("'" + SERVED_BLEND + "' is what the service serves: '" + TEXT_CATEGORY_BLEND + "' plus "
                + WORD_WEIGHT + " × the word overlap of the two items' names (the cosine of their word sets under "
                + "inverse document frequencies of the training names; '" + WORDS + "' alone), weight chosen on the "
                + "dev folds.");
        draft.notes.add("Complete-the-look retrieval: one item hidden per outfit (seeded); every item of the evaluated "
                + "outfits is a candidate except those still in the outfit; acc@k is the share of outfits whose "
                + "hidden item ranks in the top k by its mean pair score with the rest (ties broken at random, in "
                + "expectation). The seed's row is a different model (fine-tuned FashionSigLIP, with images) on a "
                + "pool of unknown size: a rough guide, not a like-for-like comparison.");
        if (outfits != null) {
            draft.notes.add("Evaluated on " + outfits.getFileName() + " with the model trained on Maryland (or "
                    + "loaded with --model); outfits of that file that were also training outfits make the figures "
                    + "optimistic.");
        } else {
            draft.notes.add("The held-out slice is 30 % of outfits-valid.jsonl (a fixed hash of set_id), a few "
                    + "hundred outfits, not Maryland's test split, and its FITB questions are drawn here (seeded), "
                    + "not the published ones: compare with the anchor as a rough guide, not a like-for-like "
                    + "result. The category-only rows use Maryland's own test split (outfits-test-categories.jsonl) "
                    + "with the same protocol, but without names.");
        }
        draft.results().stream().filter(r -> r.metric().startsWith("FITB")).findFirst().ifPresent(r -> {
            double p = r.scores().get(full.label());
            draft.notes.add(String.format(Locale.ROOT, "Sampling noise: with %d questions, a FITB accuracy of %.1f %% "
                    + "has a standard error of about %.1f points, so rows a few points apart are not clearly "
                    + "different.", r.count(), 100 * p, 100 * Math.sqrt(p * (1 - p) / r.count())));
        });
        draft.notes.add("FITB draws 3 distractors from other held-out outfits at random, of any slot (as in Han et "
                + "al.), so a wrong slot gives many answers away; the same-slot variant removes that cue. AUC: "
                + "each real outfit against the same outfit with every item replaced by a random item of another "
                + "held-out outfit (any slot, or same slot).");
        draft.notes.add("'text + slot (no category)' scores the same model with categories hidden: what a catalogue "
                + "with titles but without Polyvore categories (the demo catalogue) gets. 'category only' hides "
                + "the names instead.");
        draft.notes.add("The random scorer ranks by a seeded hash of the items: its figures are chance measured on "
                + "the very same questions; 'chance' is the expected value (1/4 or 0.5).");
    }

    /** Candidates per fill-in-the-blank question: the true item and three distractors. */
    private static final int FITB_CANDIDATES = 4;

    /**
     * Every benchmark on {@code outfits} for the contenders: FITB and AUC with any-slot draws and, where
     * {@code sameType}, with same-slot draws and complete-the-look retrieval.
     */
    private void benchmarks(String where, List<OutfitRecord> outfits, List<Contender> contenders, boolean sameType) {
        long seed = settings.benchmarkSeed();
        List<OutfitBenchmark.FitbQuestion> any = OutfitBenchmark.fitbQuestions(outfits, FITB_CANDIDATES,
                OutfitBenchmark.Draw.ANY_TYPE, seed);
        draft.add(FitbEvaluator.evaluate("FITB, " + where, "one item blanked per outfit (seeded); 4 candidates: the "
                + "true item and 3 random items of other outfits of the same set, any slot", any, FITB_CANDIDATES,
                contenders));
        if (sameType) {
            List<OutfitBenchmark.FitbQuestion> same = OutfitBenchmark.fitbQuestions(outfits, FITB_CANDIDATES,
                    OutfitBenchmark.Draw.SAME_TYPE, seed);
            draft.add(FitbEvaluator.evaluate("FITB same-slot distractors, " + where, "as above, but the 3 "
                    + "distractors have the blank's slot", same, FITB_CANDIDATES, contenders));
        }
        draft.add(AucEvaluator.evaluate("AUC, " + where, "real outfits vs the same outfits with every item replaced "
                + "by a random item of another outfit of the same set, any slot", outfits,
                OutfitBenchmark.replaced(outfits, OutfitBenchmark.Draw.ANY_TYPE, seed), contenders));
        if (sameType) {
            draft.add(AucEvaluator.evaluate("AUC same-slot replacements, " + where, "as above, each replacement of "
                    + "the replaced item's slot (the outfit keeps its slot sequence)", outfits,
                    OutfitBenchmark.replaced(outfits, OutfitBenchmark.Draw.SAME_TYPE, seed), contenders));
            draft.add(where, LookRetrievalEvaluator.evaluate(where, outfits, contenders, seed));
        }
    }
}
