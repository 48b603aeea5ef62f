package io.stylegraph.training.outfit;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The type-aware models an {@link OutfitEvaluation} measures: the one under test, trained with the run's seed and
 * tuning (its parameters and epochs recorded) or loaded, and saved where the settings ask; and others trained beside
 * it, of which only the training time is recorded.
 */
final class TypeAwareContenders {

    private final OutfitEvaluation.Settings settings;
    private final PrintStream out;
    private final OutfitReportDraft draft;

    TypeAwareContenders(OutfitEvaluation.Settings settings, PrintStream out, OutfitReportDraft draft) {
        this.settings = settings;
        this.out = out;
        this.draft = draft;
    }

    /** The model under test: loaded from {@code modelIn}, else trained on {@code train} from {@code base}. */
    TypeAwareModel underTest(List<OutfitRecord> train, TypeAwareConfig base) throws Exception {
        TypeAwareModel model;
        if (settings.modelIn() != null) {
            out.printf("loading the model from %s%n", settings.modelIn());
            model = TypeAwareModel.load(settings.modelIn());
            if (NameText.ofModel(model.parameters()) != settings.textInput()) {
                throw new IllegalArgumentException("the model " + settings.modelIn() + " reads "
                        + NameText.ofModel(model.parameters()).wireName() + ", not --text-input "
                        + settings.textInput().wireName());
            }
            draft.parameters.put("model", settings.modelIn().toString());
            draft.parameters.putAll(model.parameters());
        } else {
            TypeAwareConfig config = settings.tuning().apply(base.withSeed(settings.seed()));
            draft.parameters.putAll(config.parameters());
            out.printf("== type-aware %s%n", config.parameters());
            long start = System.nanoTime();
            model = new TypeAwareTrainer(config).train(train, summary -> {
                draft.epochs.add(new OutfitEvaluationReport.Epoch(summary.epoch(), summary.loss(), summary.seconds(),
                        summary.examples()));
                out.printf(Locale.ROOT, "[type-aware] epoch %d loss %.5f (%.2f s, %d examples)%n", summary.epoch(),
                        summary.loss(), summary.seconds(), summary.examples());
            });
            if (settings.textInput() != NameText.NAME) {
                model = model.withParameters(Map.of(NameText.PARAMETER, settings.textInput().wireName()));
                draft.parameters.put(NameText.PARAMETER, settings.textInput().wireName());
            }
            draft.time("training seconds", start);
            draft.timings.put("seconds per epoch", draft.epochs.stream()
                    .mapToDouble(OutfitEvaluationReport.Epoch::seconds).average().orElse(0));
        }
        draft.parameters.put("benchmarkSeed", Long.toString(settings.benchmarkSeed()));
        draft.parameters.put("types", String.join(" ", model.types()));
        if (settings.modelOut() != null) {
            model.save(settings.modelOut());
            out.printf("saved the model to %s%n", settings.modelOut());
            draft.parameters.put("modelOut", settings.modelOut().toString());
        }
        return model;
    }

    /**
     * A second model beside the one under test, trained on {@code train} from {@code base} with the run's seed and
     * tuning; {@code withoutBlanks} keeps it off blank-filling examples whatever the tuning says.
     */
    TypeAwareModel beside(String label, List<OutfitRecord> train, TypeAwareConfig base, boolean withoutBlanks) {
        return beside(label, train, base, withoutBlanks, 0);
    }

    /** As above, from the run's seed plus {@code seedOffset} (the further members of an ensemble). */
    TypeAwareModel beside(String label, List<OutfitRecord> train, TypeAwareConfig base, boolean withoutBlanks,
                          long seedOffset) {
        TypeAwareConfig config = settings.tuning().apply(base.withSeed(settings.seed() + seedOffset));
        if (withoutBlanks) {
            config = config.withBlankShare(0);
        }
        out.printf("== %s %s%n", label, config.parameters());
        long start = System.nanoTime();
        TypeAwareModel model = new TypeAwareTrainer(config).train(train, summary -> out.printf(Locale.ROOT,
                "[%s] epoch %d loss %.5f (%.2f s)%n", label, summary.epoch(), summary.loss(), summary.seconds()));
        draft.time("training seconds, " + label, start);
        return model;
    }
}
